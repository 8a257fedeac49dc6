/**
 * Legal's calendar, for the rules, the ranking and the forecast alike. The holiday policy, stated once:
 * <ul>
 * <li>Business days ({@link dev.docket.calendar.BusinessDays}), which the rules score as "days waiting", are Monday to
 * Friday in {@code docket.calendar.zone} and ignore holidays, so that editing the holiday list never re-scores the
 * queue and a score can be recomputed from the stored dates alone.</li>
 * <li>Working days ({@link dev.docket.calendar.LegalCalendar}), which the forecast plans reviews on, are those business
 * days minus {@code docket.capacity.holidays}, because nobody reviews a contract on a holiday.</li>
 * </ul>
 */
package dev.docket.calendar;
