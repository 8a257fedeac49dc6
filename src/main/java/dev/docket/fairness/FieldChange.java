package dev.docket.fairness;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A change to a field that earns points (deal value, expansion potential) after submission, with the
 * contract's rank just before it and once the ranking took it in; null where the contract had no rank.
 */
@MappedEntity("contract_field_change")
public record FieldChange(
        @Id @GeneratedValue @Nullable Long id,
        Long contractId,
        String fieldName,
        String oldValue,
        String newValue,
        String changedBy,
        Instant changedAt,
        @Nullable Integer rankBefore,
        @Nullable Integer rankAfter) {

    /** Positive when the edit moved the contract up the queue. */
    @Nullable
    Integer placesGained() {
        return rankBefore == null || rankAfter == null ? null : rankBefore - rankAfter;
    }
}
