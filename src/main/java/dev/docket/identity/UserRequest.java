package dev.docket.identity;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new local user: name, password (12 or more characters), roles and the decision makers they decide for. */
@Serdeable
record UserRequest(@NotBlank @Size(max = 120) @Pattern(regexp = "[^\\s,][^,]*", message = "must not start with a space or hold a comma") String username,
                   @NotNull @Size(min = LocalUsers.MIN_PASSWORD, max = 72) String password,
                   @NotNull @Size(max = 10) List<String> roles,
                   @Nullable @Size(max = 20) List<@NotBlank @Size(max = 60) String> decides) {
}
