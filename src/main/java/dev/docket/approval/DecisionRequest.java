package dev.docket.approval;

import dev.docket.system.VisibleText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Serdeable
public record DecisionRequest(
        @NotNull Decision decision,
        @Nullable @VisibleText(multiLine = true) @Size(max = 4000) String comment) {
}
