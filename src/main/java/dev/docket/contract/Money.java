package dev.docket.contract;

import java.math.BigDecimal;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** An amount in an ISO 4217 currency, as JSON clients send and receive it. */
@Serdeable
public record Money(
        @Schema(example = "48210.00") @NotNull @PositiveOrZero @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @Schema(example = "EUR", description = "an ISO 4217 code in upper case with a rate in docket.money.rates")
        @NotBlank String currency) {
}
