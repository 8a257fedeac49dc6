package dev.docket.identity;

import java.util.List;

import dev.docket.system.VisibleText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new local user: name, password (12 or more characters), roles, the decision makers they decide for, and optionally
 * the contract owner name (as contracts spell it) whose deals the queue's "My deals" shows them.
 */
@Serdeable
record UserRequest(@NotBlank @Size(max = 120) @Pattern(regexp = "[^\\s,][^,]*", message = "must not start with a space or hold a comma") String username,
                   @NotNull @Size(min = LocalUsers.MIN_PASSWORD, max = 72) String password,
                   @NotNull @Size(max = 10) List<String> roles,
                   @Nullable @Size(max = 20) List<@NotBlank @Size(max = 60) String> decides,
                   @Nullable @VisibleText @Size(max = 120) String ownerName) {
}
