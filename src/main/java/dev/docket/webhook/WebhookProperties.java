package dev.docket.webhook;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How webhooks are delivered (docket.webhooks).
 *
 * @param pollInterval   how often each instance reads the feed for new events and claims due deliveries
 * @param batchSize      events fanned out, and deliveries claimed, per poll at most
 * @param maxInFlight    deliveries one instance sends at once; the rest wait in the database
 * @param maxAttempts    attempts before a delivery is dead (it stays in the log and can be replayed)
 * @param initialBackoff the wait after the first failed attempt; doubled per attempt, with jitter
 * @param maxBackoff     the longest wait between two attempts
 * @param connectTimeout how long a receiver may take to accept the connection
 * @param requestTimeout how long a receiver may take to answer
 * @param lease          how long a claimed delivery belongs to the instance that claimed it; after a crash another
 *                       instance sends it once this has passed (so it must exceed requestTimeout)
 * @param gapTimeout     how long an id skipped in the feed (a transaction still open) is waited for
 */
@ConfigurationProperties("docket.webhooks")
record WebhookProperties(@Bindable(defaultValue = "100ms") Duration pollInterval,
                         @Bindable(defaultValue = "500") int batchSize,
                         @Bindable(defaultValue = "64") int maxInFlight,
                         @Bindable(defaultValue = "8") int maxAttempts,
                         @Bindable(defaultValue = "2s") Duration initialBackoff,
                         @Bindable(defaultValue = "10m") Duration maxBackoff,
                         @Bindable(defaultValue = "2s") Duration connectTimeout,
                         @Bindable(defaultValue = "5s") Duration requestTimeout,
                         @Bindable(defaultValue = "30s") Duration lease,
                         @Bindable(defaultValue = "30s") Duration gapTimeout) {
}
