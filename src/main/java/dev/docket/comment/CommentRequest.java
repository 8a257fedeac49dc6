package dev.docket.comment;

import dev.docket.system.VisibleText;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code text} may span lines; it must hold at least one visible character. The author is the authenticated caller. */
@Serdeable
public record CommentRequest(
        @NotNull @VisibleText(multiLine = true) @Size(max = 4000) String text) {
}
