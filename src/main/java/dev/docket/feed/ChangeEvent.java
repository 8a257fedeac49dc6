package dev.docket.feed;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * One committed change, in commit-and-id order: what happened ({@code type}), to which entity, on which contract,
 * made by which instance, when, and a small JSON payload with the values a subscriber needs without a lookup.
 */
@MappedEntity("change_event")
public record ChangeEvent(@Id @GeneratedValue @Nullable Long id, Instant occurredAt, String instanceId, ChangeType type,
                          ChangeType.Entity entity, long entityId, @Nullable Long contractId, String payload) {
}
