package dev.docket.ranking;

import java.time.Instant;
import java.util.List;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A page of the queue, stamped with the rule set version and the moment it was computed. {@code stale}: this
 * instance could not read the change feed for a while, so changes made through other instances may be missing.
 */
@Serdeable
public record RankingPage(String ruleVersion, Instant computedAt, int total, int ready, int notReady,
                          int page, int size, List<RankedEntry> items, boolean stale) {

    public RankingPage asStale() {
        return new RankingPage(ruleVersion, computedAt, total, ready, notReady, page, size, items, true);
    }
}
