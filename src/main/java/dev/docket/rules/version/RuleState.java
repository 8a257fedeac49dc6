package dev.docket.rules.version;

import java.time.Instant;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The single row naming the active version, shared by every instance on this database. */
@MappedEntity("rule_state")
public record RuleState(@Id Long id, Long activeVersionId, Instant changedAt) {

    public static final long SINGLETON_ID = 1L;
}
