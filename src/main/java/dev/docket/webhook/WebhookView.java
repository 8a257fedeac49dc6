package dev.docket.webhook;

import java.time.Instant;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A subscription as admins see it: {@code secret} only once, in the answer that creates or rotates it. */
@Serdeable
record WebhookView(long id, String url, List<String> events, int minPlaces, @Nullable String description, boolean active,
                   Instant createdAt, String createdBy, Instant updatedAt, @Nullable String secret) {

    static WebhookView of(Subscription s) {
        return of(s, null);
    }

    static WebhookView of(Subscription s, @Nullable String secret) {
        return new WebhookView(s.id(), s.url(), s.typeNames(), s.minPlaces(), s.description(), s.active(), s.createdAt(),
                s.createdBy(), s.updatedAt(), secret);
    }
}
