package dev.docket.webhook;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * One event for one subscription, with the exact body every attempt sends. {@code leaseOwner}/{@code leaseUntil}
 * name the instance sending it right now, so no other instance sends it at the same time.
 */
@MappedEntity("webhook_delivery")
record Delivery(@Id @GeneratedValue @Nullable Long id, long subscriptionId, long eventId, String eventType, String body,
                Status status, int attempts, Instant createdAt, @Nullable Instant nextAttemptAt, @Nullable String leaseOwner,
                @Nullable Instant leaseUntil, @Nullable Instant lastAttemptAt, @Nullable Integer lastStatusCode,
                @Nullable String lastError, @Nullable Instant deliveredAt) {

    /** PENDING: not tried yet; FAILED: tried, another attempt is due at nextAttemptAt; DEAD: out of attempts. */
    enum Status { PENDING, FAILED, DELIVERED, DEAD }

    static Delivery pending(long subscriptionId, long eventId, String eventType, String body, Instant now) {
        return new Delivery(null, subscriptionId, eventId, eventType, body, Status.PENDING, 0, now, now, null, null, null,
                null, null, null);
    }
}
