package dev.docket.contract;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One readiness checklist item of one contract: passed or not, when that last changed, and who changed it. */
@MappedEntity("contract_gate")
public record Gate(
        @Id @GeneratedValue @Nullable Long id,
        Long contractId,
        String name,
        boolean passed,
        Instant changedAt,
        String changedBy) {
}
