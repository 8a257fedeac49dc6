package dev.docket.contract;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

@Serdeable
public record Withdrawal(@NotNull Long version) {
}
