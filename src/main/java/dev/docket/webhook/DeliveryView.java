package dev.docket.webhook;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One line of a subscription's delivery log. */
@Serdeable
record DeliveryView(long id, long eventId, String eventType, Delivery.Status status, int attempts, Instant createdAt,
                    @Nullable Instant lastAttemptAt, @Nullable Integer lastStatusCode, @Nullable String lastError,
                    @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt, String body) {

    static DeliveryView of(Delivery d) {
        boolean waiting = d.status() == Delivery.Status.PENDING || d.status() == Delivery.Status.FAILED;
        return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.status(), d.attempts(), d.createdAt(),
                d.lastAttemptAt(), d.lastStatusCode(), d.lastError(), waiting ? d.nextAttemptAt() : null, d.deliveredAt(),
                d.body());
    }
}
