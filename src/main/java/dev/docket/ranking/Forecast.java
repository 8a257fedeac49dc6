package dev.docket.ranking;

import java.time.LocalDate;

import io.micronaut.serde.annotation.Serdeable;

/**
 * When legal is expected to start and finish reviewing a ready contract, from the queue order and capacity; a
 * ranked entry carries it, forecast/ computes it.
 *
 * @param expectedStart            the working day review begins; today for a contract already IN_REVIEW
 * @param expectedFinish           the working day its effort is used up
 * @param businessDaysUntilStart   legal's working days from today to {@code expectedStart} (0: today)
 * @param businessDaysUntilFinish  the same to {@code expectedFinish}
 * @param effortHours              the review hours docket.capacity.effort-hours sets for its type and paper
 * @param inReview                 a reviewer is on it already, so its whole effort is counted from today
 */
@Serdeable
public record Forecast(LocalDate expectedStart, LocalDate expectedFinish, int businessDaysUntilStart,
                       int businessDaysUntilFinish, double effortHours, boolean inReview, String summary) {
}
