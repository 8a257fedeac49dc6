package dev.docket.contract;

import java.time.LocalDate;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A whole contract as a CRM or a rep submits it. {@code externalRef} may be left out on the upsert
 * endpoint, whose path names it. {@code gates} gives initial gate states. Who sent it is the authenticated caller; {@code submittedBy}, which CRM
 * exports carry, must name that caller when given.
 */
@Serdeable
public record ContractRequest(
        @Nullable @Size(max = 64) String externalRef,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 200) String account,
        @NotBlank @Size(max = 120) String owner,
        @NotBlank @Size(max = 120) String team,
        @NotBlank @Size(max = 120) String product,
        @NotNull ContractType contractType,
        @NotNull Paper paper,
        @NotNull @Valid Money dealValue,
        @Nullable @Valid Money expansionPotential,
        @Nullable LocalDate targetCloseDate,
        @Nullable @Size(max = 120) String assignee,
        @Nullable Map<String, Boolean> gates,
        @Nullable @Size(max = 120) String submittedBy,
        @Nullable Long version) {
}
