package dev.docket.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A receiver's subscription: the URL, the event types it wants (stored comma-separated), the fewest places a
 * RANK_MOVED must move to be sent, and the secret deliveries are signed with. It hears events after
 * {@code fromEventId}, the feed's head when it was created.
 */
@MappedEntity("webhook_subscription")
record Subscription(@Id @GeneratedValue @Nullable Long id, String url, String eventTypes, int minPlaces,
                    @Nullable String description, boolean active, String secret, long fromEventId, Instant createdAt,
                    String createdBy, Instant updatedAt) {

    Set<WebhookEventType> types() {
        return Arrays.stream(eventTypes.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(WebhookEventType::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(WebhookEventType.class)));
    }

    static String join(Collection<WebhookEventType> types) {
        return EnumSet.copyOf(types).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    List<String> typeNames() {
        return types().stream().map(Enum::name).toList();
    }

    Subscription with(String newUrl, Collection<WebhookEventType> newTypes, int newMinPlaces, @Nullable String newDescription,
                      boolean newActive, Instant now) {
        return new Subscription(id, newUrl, join(newTypes), newMinPlaces, newDescription, newActive, secret, fromEventId,
                createdAt, createdBy, now);
    }

    Subscription withSecret(String newSecret, Instant now) {
        return new Subscription(id, url, eventTypes, minPlaces, description, active, newSecret, fromEventId, createdAt,
                createdBy, now);
    }
}
