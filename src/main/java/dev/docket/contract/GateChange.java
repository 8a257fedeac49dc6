package dev.docket.contract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Sets one gate; {@code changedBy} is recorded, {@code version} is checked when given. */
@Serdeable
public record GateChange(@NotNull Boolean passed, @NotBlank @Size(max = 120) String changedBy, @Nullable Long version) {
}
