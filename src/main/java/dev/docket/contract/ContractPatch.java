package dev.docket.contract;

import java.time.LocalDate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partial edit: absent fields stay as they are; {@code version} is the one the client last read.
 * Who made the edit (recorded when it changes deal value or expansion potential) is the authenticated caller.
 */
@Serdeable
public record ContractPatch(
        @NotNull Long version,
        @Nullable @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 200) String title,
        @Nullable @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 200) String account,
        @Nullable @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 120) String owner,
        @Nullable @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 120) String team,
        @Nullable @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Size(max = 120) String product,
        @Nullable ContractType contractType,
        @Nullable Paper paper,
        @Nullable @Valid Money dealValue,
        @Nullable @Valid Money expansionPotential,
        @Nullable LocalDate targetCloseDate,
        @Nullable ContractStatus status,
        @Nullable @Size(max = 120) String assignee) {
}
