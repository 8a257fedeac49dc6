package dev.docket.feed;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;

/**
 * How an instance follows the change feed (docket.feed).
 *
 * @param instanceId   names this instance in the events it writes; by default the host name and a random suffix,
 *                     so a restarted process is a new writer and takes the others' events (and its old ones) in
 * @param pollInterval how often the feed is read; the others' changes show here within about this long
 * @param batchSize    events read per query
 * @param maxCatchUp   an instance further behind than this many events re-reads the whole backlog instead
 * @param gapTimeout   how long a missing id is waited for: ids are taken at insert and become visible at commit,
 *                     so a gap is a transaction still open (or one rolled back, whose id never appears)
 * @param staleAfter   reads are marked stale once the feed has not been read up to its head for this long
 */
@ConfigurationProperties("docket.feed")
public record FeedProperties(@Nullable String instanceId,
                             @Bindable(defaultValue = "200ms") Duration pollInterval,
                             @Bindable(defaultValue = "1000") int batchSize,
                             @Bindable(defaultValue = "20000") int maxCatchUp,
                             @Bindable(defaultValue = "30s") Duration gapTimeout,
                             @Bindable(defaultValue = "3s") Duration staleAfter) {
}
