package dev.docket.webhook;

import java.util.List;

import dev.docket.system.VisibleText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A subscription as a client sends it, to create or to replace one: where to deliver, which events, and for
 * RANK_MOVED the fewest places a move must span (default 1). The secret is never sent; Docket makes it.
 */
@Serdeable
record WebhookRequest(@Schema(example = "https://crm.example.com/hooks/docket") @NotBlank @Size(max = 2000) String url,
                      @Schema(example = "[\"RANK_MOVED\", \"APPROVAL_DECIDED\"]") @NotNull @Size(min = 1, max = 20)
                      List<@NotNull WebhookEventType> events,
                      @Schema(example = "5") @Nullable @Min(1) @Max(1_000_000) Integer minPlaces,
                      @Schema(example = "CRM sync") @Nullable @VisibleText @Size(max = 200) String description,
                      @Nullable Boolean active) {
}
