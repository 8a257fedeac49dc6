package dev.docket.contract;

import java.time.LocalDate;

import dev.docket.system.VisibleText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A partial edit: absent fields stay as they are; {@code version} is the one the client last read.
 * Who made the edit (recorded when it changes deal value or expansion potential) is the authenticated caller.
 */
@Serdeable
public record ContractPatch(
        @NotNull Long version,
        @Nullable @VisibleText @Size(max = 200) String title,
        @Nullable @VisibleText @Size(max = 200) String account,
        @Nullable @VisibleText @Size(max = 120) String owner,
        @Nullable @VisibleText @Size(max = 120) String team,
        @Nullable @VisibleText @Size(max = 120) String product,
        @Nullable ContractType contractType,
        @Nullable Paper paper,
        @Nullable @Valid Money dealValue,
        @Nullable @Valid Money expansionPotential,
        @Nullable LocalDate targetCloseDate,
        @Nullable ContractStatus status,
        @Nullable @VisibleText @Size(max = 120) String assignee) {
}
