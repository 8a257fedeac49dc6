package dev.docket.identity;

import java.time.Instant;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new API token: who it acts as ({@code name}), its roles, the decision makers it decides for, and an optional end. */
@Serdeable
record TokenRequest(@NotBlank @Size(max = 120) String name,
                    @NotNull @Size(max = 10) List<String> roles,
                    @Nullable @Size(max = 20) List<@NotBlank @Size(max = 60) String> decides,
                    @Nullable Instant expiresAt) {
}
