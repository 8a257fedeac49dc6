package dev.docket.override;

import dev.docket.system.VisibleText;
import java.math.BigDecimal;
import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Asks for an override: either signed {@code points} or {@code pinToTop: true}. The limits that depend on
 * configuration (points, expiry) are checked by {@link OverrideService}. The asker is the authenticated caller; an
 * approver approves or refuses the request in a second act.
 */
@Serdeable
public record OverrideRequest(
        @Nullable @Digits(integer = 5, fraction = 2) BigDecimal points,
        @Nullable Boolean pinToTop,
        @NotBlank(message = "must not be blank: say why, in at least 15 characters and 3 words") @VisibleText(multiLine = true) @Size(max = 1000) String reason,
        @NotNull(message = "must not be null: every override needs an end date") Instant expiresAt) {

    boolean pins() {
        return Boolean.TRUE.equals(pinToTop);
    }
}
