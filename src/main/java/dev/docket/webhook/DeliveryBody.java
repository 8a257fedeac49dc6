package dev.docket.webhook;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What a receiver gets: the change event as the feed recorded it, its payload under {@code data}. */
@Serdeable
record DeliveryBody(long id, String type, Instant occurredAt, @Nullable Long contractId, String entity, long entityId,
                    Object data) {
}
