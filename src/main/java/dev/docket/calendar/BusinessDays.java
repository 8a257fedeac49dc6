package dev.docket.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Business days are Monday to Friday; what rules read as "business days waiting" is counted here. */
public final class BusinessDays {

    private BusinessDays() {
    }

    /** Business days after {@code from} up to and including {@code today}: ready on Friday, it is 1 on Monday. */
    public static int between(LocalDate from, LocalDate today) {
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

    /** The date {@code days} business days after {@code from}; 0 is {@code from} itself. */
    public static LocalDate plus(LocalDate from, int days) {
        LocalDate date = from;
        int left = days;
        if (isBusinessDay(from)) {
            // From a business day, each whole week ahead holds exactly five business days.
            date = from.plusWeeks(days / 5);
            left = days % 5;
        }
        while (left > 0) {
            date = date.plusDays(1);
            if (isBusinessDay(date)) {
                left--;
            }
        }
        return date;
    }

    public static boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
