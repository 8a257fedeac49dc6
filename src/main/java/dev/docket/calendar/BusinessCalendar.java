package dev.docket.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.inject.Singleton;

/** "Today" and business days in legal's time zone; holidays do not count here (see package-info). */
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

    /** The first instant of {@code day} in legal's time zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The date {@code days} business days after {@code from}. */
    public LocalDate addBusinessDays(LocalDate from, int days) {
        return BusinessDays.plus(from, days);
    }

    public int businessDaysBetween(Instant since, LocalDate today) {
        return BusinessDays.between(dateOf(since), today);
    }
}
