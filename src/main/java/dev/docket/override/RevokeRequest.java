package dev.docket.override;

import dev.docket.system.VisibleText;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record RevokeRequest(@NotBlank @Size(max = 120) String by, @NotBlank @VisibleText(multiLine = true) @Size(max = 1000) String reason) {
}
