package dev.docket.approval;

import dev.docket.system.VisibleText;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Asks {@code decisionMaker} (a role such as "CFO") {@code question} about a contract. */
@Serdeable
public record ApprovalRequest(
        @NotBlank @VisibleText @Size(max = 120) String decisionMaker,
        @NotBlank @VisibleText(multiLine = true) @Size(max = 1000) String question) {
}
