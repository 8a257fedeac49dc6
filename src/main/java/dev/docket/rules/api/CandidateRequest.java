package dev.docket.rules.api;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A candidate rule set sent through the API. By default the files are laid over the active set
 * (same path replaces, new path adds, {@code delete} removes); {@code replace: true} makes them the whole set.
 */
@Serdeable
public record CandidateRequest(@NotNull @Size(max = 500) List<@Valid CandidateFile> files,
                               @Nullable List<@NotBlank(message = "must be the path of a file in the rule set") String> delete,
                               @Nullable Boolean replace) {

    /** One file; {@code encoding: "base64"} carries binary content such as an XLSX decision table. */
    @Serdeable
    public record CandidateFile(
            @NotBlank @Size(max = 255)
            @Pattern(regexp = "(?!.*\\.\\.)[A-Za-z0-9_][A-Za-z0-9_ ./-]*", message = "must be a relative path without '..'")
            String path,
            @NotNull String content,
            @Nullable @Pattern(regexp = "text|base64", message = "must be 'text' or 'base64'") String encoding) {
    }
}
