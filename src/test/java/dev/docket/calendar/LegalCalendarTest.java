package dev.docket.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class LegalCalendarTest {

    private static final LocalDate THU = LocalDate.parse("2026-11-05");
    private static final LocalDate FRI_HOLIDAY = LocalDate.parse("2026-11-06");
    private final LegalCalendar calendar = new LegalCalendar(List.of(FRI_HOLIDAY, LocalDate.parse("2026-11-07"),
            LocalDate.parse("2026-12-25"), LocalDate.parse("2026-11-06")));

    @Test
    void weekendsAndHolidaysAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(THU)).isTrue();
        assertThat(calendar.isWorkingDay(FRI_HOLIDAY)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-08"))).isFalse();
        assertThat(calendar.onOrAfter(FRI_HOLIDAY)).isEqualTo("2026-11-09");
        assertThat(calendar.onOrAfter(THU)).isEqualTo(THU);
    }

    @Test
    void addingWorkingDaysStepsOverTheWeekendAndTheHoliday() {
        assertThat(calendar.plusWorkingDays(THU, 0)).isEqualTo(THU);
        assertThat(calendar.plusWorkingDays(THU, 1)).isEqualTo("2026-11-09");
        assertThat(calendar.plusWorkingDays(THU, 2)).isEqualTo("2026-11-10");
        assertThat(calendar.plusWorkingDays(THU, 5)).isEqualTo("2026-11-13");
        // Seven weeks on, with Christmas (a Friday) in the way.
        assertThat(calendar.plusWorkingDays(LocalDate.parse("2026-12-21"), 4)).isEqualTo("2026-12-28");
    }

    @Test
    void arithmeticAgreesWithCountingDayByDay() {
        for (LocalDate start = LocalDate.parse("2026-10-01"); start.isBefore(LocalDate.parse("2027-01-31")); start = start.plusDays(1)) {
            if (!calendar.isWorkingDay(start)) {
                continue;
            }
            for (int n = 0; n <= 70; n++) {
                LocalDate expected = naive(start, n);
                assertThat(calendar.plusWorkingDays(start, n)).as("%s + %d", start, n).isEqualTo(expected);
                assertThat(calendar.workingDaysBetween(start, expected)).as("%s to %s", start, expected).isEqualTo(n);
            }
        }
    }

    @Test
    void countsWorkingDaysBetweenLikeTheRulesButWithoutHolidays() {
        assertThat(calendar.workingDaysBetween(THU, THU)).isZero();
        assertThat(calendar.workingDaysBetween(THU, LocalDate.parse("2026-11-09"))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-13"))).isEqualTo(8);
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-11-09"), THU)).isZero();
    }

    @Test
    void knowsWhatIsLeftOfTheWeekAndWhichHolidaysComeNext() {
        assertThat(calendar.lastWorkingDayOfWeek(LocalDate.parse("2026-11-02"))).isEqualTo(THU);
        assertThat(calendar.lastWorkingDayOfWeek(FRI_HOLIDAY)).isNull();
        assertThat(calendar.lastWorkingDayOfWeek(LocalDate.parse("2026-11-07"))).isNull();
        assertThat(calendar.holidaysFrom(THU, 5)).containsExactly(FRI_HOLIDAY, LocalDate.parse("2026-12-25"));
        assertThat(calendar.holidaysFrom(LocalDate.parse("2026-11-07"), 5)).containsExactly(LocalDate.parse("2026-12-25"));
    }

    /** Day by day, the obviously right way, to check the arithmetic against. */
    private LocalDate naive(LocalDate start, int n) {
        LocalDate d = start;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (calendar.isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }
}
