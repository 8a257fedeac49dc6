package dev.docket.contract;

import java.time.LocalDate;
import java.util.Map;

import dev.docket.system.VisibleText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A whole contract as a CRM or a rep submits it. {@code externalRef} may be left out on the upsert
 * endpoint, whose path names it. {@code gates} gives initial gate states. Who sent it is the authenticated caller; {@code submittedBy}, which CRM
 * exports carry, must name that caller when given.
 */
@Serdeable
public record ContractRequest(
        @Schema(example = "1C1I7A6R", description = "the CRM's opportunity id; " + EXTERNAL_REF_RULE)
        @Nullable @Pattern(regexp = EXTERNAL_REF, message = EXTERNAL_REF_RULE) String externalRef,
        @Schema(example = "GTX Pro MSA for Cancity") @NotBlank @VisibleText @Size(max = 200) String title,
        @Schema(example = "Cancity") @NotBlank @VisibleText @Size(max = 200) String account,
        @Schema(example = "Moses Frase") @NotBlank @VisibleText @Size(max = 120) String owner,
        @Schema(example = "Central") @NotBlank @VisibleText @Size(max = 120) String team,
        @Schema(example = "GTX Pro") @NotBlank @VisibleText @Size(max = 120) String product,
        @NotNull ContractType contractType,
        @NotNull Paper paper,
        @NotNull @Valid Money dealValue,
        @Nullable @Valid Money expansionPotential,
        @Schema(example = "2026-12-15", description = "YYYY-MM-DD, between 1970 and 2199")
        @Nullable LocalDate targetCloseDate,
        @Nullable @VisibleText @Size(max = 120) String assignee,
        @Nullable Map<String, Boolean> gates,
        @Nullable @Size(max = 120) String submittedBy,
        @Nullable Long version) {

    /** A CRM's opportunity id: it must survive a URL path segment unescaped, so no spaces, slashes or '%'. */
    public static final String EXTERNAL_REF = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    public static final String EXTERNAL_REF_RULE = "must be 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit";
}
