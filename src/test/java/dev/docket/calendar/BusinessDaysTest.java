package dev.docket.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class BusinessDaysTest {

    private static final LocalDate THURSDAY = LocalDate.parse("2026-11-05");

    @Test
    void plus_skipsWeekends() {
        assertThat(BusinessDays.plus(THURSDAY, 0)).isEqualTo(THURSDAY);
        assertThat(BusinessDays.plus(THURSDAY, 1)).isEqualTo(LocalDate.parse("2026-11-06"));
        assertThat(BusinessDays.plus(THURSDAY, 2)).isEqualTo(LocalDate.parse("2026-11-09"));
        assertThat(BusinessDays.plus(THURSDAY, 5)).isEqualTo(LocalDate.parse("2026-11-12"));
        assertThat(BusinessDays.plus(LocalDate.parse("2026-11-07"), 1)).as("from a Saturday")
                .isEqualTo(LocalDate.parse("2026-11-09"));
    }

    /** The week jump must land where stepping one day at a time does, from any day of the week. */
    @Test
    void plus_agreesWithStepping_andWithBetween() {
        for (LocalDate from = THURSDAY; from.isBefore(THURSDAY.plusDays(14)); from = from.plusDays(1)) {
            for (int n = 0; n <= 23; n++) {
                LocalDate stepped = from;
                for (int left = n; left > 0; ) {
                    stepped = stepped.plusDays(1);
                    if (BusinessDays.isBusinessDay(stepped)) {
                        left--;
                    }
                }
                assertThat(BusinessDays.plus(from, n)).as("%s + %d", from, n).isEqualTo(stepped);
                assertThat(BusinessDays.between(from, stepped)).as("between %s and %s", from, stepped).isEqualTo(n);
            }
        }
    }
}
