package dev.docket.calendar;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** The time zone legal works in (docket.calendar.zone); it decides when a business day starts. */
@ConfigurationProperties("docket.calendar")
public record CalendarProperties(@Bindable(defaultValue = "UTC") String zone) {
}
