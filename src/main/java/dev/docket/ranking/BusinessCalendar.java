package dev.docket.ranking;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.inject.Singleton;

/** Counts business days (Monday to Friday) in legal's time zone. */
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

    /** Business days after {@code since}'s date up to and including {@code today}: ready on Friday, it is 1 on Monday. */
    public int businessDaysBetween(Instant since, LocalDate today) {
        LocalDate from = dateOf(since);
        if (!from.isBefore(today)) {
            return 0;
        }
        long days = today.toEpochDay() - from.toEpochDay();
        long weeks = days / 7;
        int count = (int) (weeks * 5);
        for (LocalDate d = from.plusDays(weeks * 7 + 1); !d.isAfter(today); d = d.plusDays(1)) {
            if (isBusinessDay(d)) {
                count++;
            }
        }
        return count;
    }

    public static boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
