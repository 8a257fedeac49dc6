package dev.docket.ranking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.docket.rules.BusinessDays;
import jakarta.inject.Singleton;

/** "Today" and business days in legal's time zone. */
@Singleton
public class BusinessCalendar {

    private final ZoneId zone;
    private final Clock clock;

    BusinessCalendar(CalendarProperties properties, Clock clock) {
        this.zone = ZoneId.of(properties.zone());
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public int businessDaysBetween(Instant since, LocalDate today) {
        return BusinessDays.between(dateOf(since), today);
    }
}
