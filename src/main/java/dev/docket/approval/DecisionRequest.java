package dev.docket.approval;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Serdeable
public record DecisionRequest(
        @NotNull Decision decision,
        @Nullable @Size(max = 4000) String comment) {
}
