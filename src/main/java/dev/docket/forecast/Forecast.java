package dev.docket.forecast;

import java.time.LocalDate;

import io.micronaut.serde.annotation.Serdeable;

/** When legal is expected to start and finish reviewing a ready contract, from the queue order and capacity. */
@Serdeable
public record Forecast(LocalDate expectedStart, LocalDate expectedFinish, int businessDaysUntilStart,
                       double effortHours, String summary) {
}
