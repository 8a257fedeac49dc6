package dev.docket.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A contract as the API returns it, with every gate the policy requires and whether it is ready. */
@Serdeable
public record ContractView(
        long id, String externalRef, String title, String account, String owner, String team, String product,
        ContractType contractType, Paper paper, Money dealValue, Money expansionPotential,
        @Nullable LocalDate targetCloseDate, ContractStatus status, Instant submittedAt,
        @Nullable Instant readySince, boolean ready, List<String> missingGates, List<GateView> gates,
        @Nullable String assignee, Instant createdAt, Instant updatedAt, long version) {

    @Serdeable
    public record GateView(String name, boolean required, boolean passed,
                           @Nullable Instant changedAt, @Nullable String changedBy) {
    }
}
