package dev.docket.override;

import dev.docket.system.VisibleText;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an override ends now (revoke) or is not granted (refuse); who does it is the authenticated caller. */
@Serdeable
public record RevokeRequest(@NotBlank @VisibleText(multiLine = true) @Size(max = 1000) String reason) {
}
