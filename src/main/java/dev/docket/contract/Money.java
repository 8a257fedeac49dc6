package dev.docket.contract;

import java.math.BigDecimal;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** An amount in an ISO 4217 currency, as JSON clients send and receive it. */
@Serdeable
public record Money(
        @NotNull @PositiveOrZero @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @NotBlank String currency) {
}
