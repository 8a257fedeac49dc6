package dev.docket.contract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Sets one gate; {@code version} is checked when given. Who changed it is the authenticated caller. */
@Serdeable
public record GateChange(@NotNull Boolean passed, @Nullable Long version) {
}
