package dev.docket.contract;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A change to a field reps could game (deal value, expansion potential) made after submission:
 * old and new value, who changed it and when, and how many places it gained.
 */
@Serdeable
public record FlaggedEdit(String field, String oldValue, String newValue, String changedBy, Instant changedAt,
                          @Nullable Integer placesGained) {
}
