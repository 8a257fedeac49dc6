package dev.docket.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Legal's working days: business days minus docket.capacity.holidays, for the forecast only; why the rules'
 * business days ignore holidays is said once, in package-info. The forecast's configuration creates the bean.
 */
public class LegalCalendar {

    /** Holidays that fall on a weekday, sorted: the only ones that change any count. */
    private final LocalDate[] holidays;

    public LegalCalendar(Collection<LocalDate> holidays) {
        this.holidays = holidays.stream().filter(BusinessDays::isBusinessDay).distinct().sorted().toArray(LocalDate[]::new);
    }

    public boolean isWorkingDay(LocalDate date) {
        return BusinessDays.isBusinessDay(date) && Arrays.binarySearch(holidays, date) < 0;
    }

    /** {@code date} itself if legal works that day, else the next day it does. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The working day {@code n} working days after {@code start} (a working day); 0 is {@code start} itself. */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        // Skip weekends arithmetically, then step over the holidays the jump crossed; holidays are few.
        LocalDate from = start;
        LocalDate to = BusinessDays.plus(start, n);
        int skipped = holidaysIn(from, to);
        while (skipped > 0) {
            from = to;
            to = BusinessDays.plus(to, skipped);
            skipped = holidaysIn(from, to);
        }
        return to;
    }

    /** Working days after {@code from} up to and including {@code to}, the way rules count business days, minus holidays. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return from.isBefore(to) ? BusinessDays.between(from, to) - holidaysIn(from, to) : 0;
    }

    /** The last working day of {@code date}'s Monday-to-Sunday week that is not before it, or null if none is left. */
    public LocalDate lastWorkingDayOfWeek(LocalDate date) {
        for (LocalDate d = date.with(DayOfWeek.FRIDAY); !d.isBefore(date); d = d.minusDays(1)) {
            if (isWorkingDay(d)) {
                return d;
            }
        }
        return null;
    }

    /** Up to {@code limit} holidays on or after {@code from}, weekend ones left out since they cost no work. */
    public List<LocalDate> holidaysFrom(LocalDate from, int limit) {
        int i = Arrays.binarySearch(holidays, from);
        int start = i >= 0 ? i : -i - 1;
        return List.of(Arrays.copyOfRange(holidays, start, Math.min(holidays.length, start + limit)));
    }

    /** Weekday holidays in (from, to]. */
    private int holidaysIn(LocalDate from, LocalDate to) {
        return Math.max(0, upperIndex(to) - upperIndex(from));
    }

    /** How many holidays fall on or before {@code date}. */
    private int upperIndex(LocalDate date) {
        int i = Arrays.binarySearch(holidays, date);
        return i >= 0 ? i + 1 : -i - 1;
    }

}
