package dev.docket.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Legal's review capacity (docket.capacity.*), which turns the queue order into pickup dates.
 * Checked at start-up by {@link CapacityPolicy}; a bad value stops Docket with the key that is wrong.
 *
 * @param reviewers             lawyers working the queue in parallel
 * @param hoursPerReviewerWeek  hours each of them spends on reviews in a full five-day week (not their whole
 *                              working week: lawyers have other duties); a holiday takes a fifth of it away
 * @param holidays              days legal does not work, on top of Saturdays and Sundays, in docket.calendar.zone
 * @param effortHours           review hours per contract type and paper, e.g. {@code msa: {ours: 8, customer: 16}};
 *                              type keys are kebab case ({@code order-form}), paper keys {@code ours} and {@code customer}
 */
@ConfigurationProperties("docket.capacity")
public record CapacityProperties(@Bindable(defaultValue = "3") int reviewers,
                                 @Bindable(defaultValue = "30") double hoursPerReviewerWeek,
                                 @Nullable List<LocalDate> holidays,
                                 @Nullable Map<String, Map<String, Double>> effortHours) {
}
