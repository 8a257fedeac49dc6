package dev.docket.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.IntFunction;

import dev.docket.calendar.LegalCalendar;
import dev.docket.contract.ContractStatus;
import dev.docket.ranking.ContractSummary;

/**
 * One ranking's forecast: the ready lane's schedule plus the totals /api/capacity reports, all from a
 * single O(n) pass over the queue. Built once per ranking instance and read many times.
 */
final class QueuePlan {

    final LocalDate today;
    /** Day 0 of the schedule: today if legal works today, else its next working day. */
    final LocalDate firstDay;
    final int ready;
    final ReviewSchedule schedule;
    final double inReviewHours;
    final double queuedHours;
    final double totalHours;
    final int inReview;
    /** Position of the queued ready contract that has been ready longest, or -1. */
    final int oldestWaiting;
    /** Last working day of this week, or null when none is left (a weekend). */
    final LocalDate endOfWeek;
    final int queuedFittingThisWeek;
    final int queuedStartingThisWeek;
    /** The day the last ready contract is done, or null with an empty ready lane. */
    final LocalDate readyClearedBy;

    private QueuePlan(Builder b) {
        this.today = b.today;
        this.firstDay = b.firstDay;
        this.ready = b.ready;
        this.schedule = b.schedule;
        this.inReviewHours = b.inReviewHours;
        this.queuedHours = b.queuedHours;
        this.totalHours = b.totalHours;
        this.inReview = b.inReview;
        this.oldestWaiting = b.oldestWaiting;
        this.endOfWeek = b.endOfWeek;
        this.queuedFittingThisWeek = b.fitting;
        this.queuedStartingThisWeek = b.starting;
        this.readyClearedBy = b.clearedBy;
    }

    /**
     * @param size       open contracts in the ranking
     * @param ready      how many of them, from the top, are in the ready lane
     * @param contractAt the contract at a zero-based position, in queue order
     */
    static QueuePlan build(int size, int ready, IntFunction<ContractSummary> contractAt, CapacityPolicy policy,
                           LegalCalendar calendar, LocalDate today) {
        Builder b = new Builder();
        b.today = today;
        b.firstDay = calendar.onOrAfter(today);
        b.ready = ready;
        double perDay = policy.hoursPerReviewerDay();
        double[] effortDays = new double[ready];
        boolean[] reviewing = new boolean[ready];
        Instant oldestSince = null;
        for (int i = 0; i < size; i++) {
            ContractSummary c = contractAt.apply(i);
            double hours = policy.effortHours(c.contractType(), c.paper());
            b.totalHours += hours;
            if (i >= ready) {
                continue;
            }
            effortDays[i] = hours / perDay;
            reviewing[i] = c.status() == ContractStatus.IN_REVIEW;
            if (reviewing[i]) {
                b.inReview++;
                b.inReviewHours += hours;
            } else {
                b.queuedHours += hours;
                if (c.readySince() != null && (oldestSince == null || c.readySince().isBefore(oldestSince))) {
                    oldestSince = c.readySince();
                    b.oldestWaiting = i;
                }
            }
        }
        b.schedule = ReviewSchedule.simulate(effortDays, reviewing, policy.reviewers());
        b.endOfWeek = calendar.lastWorkingDayOfWeek(today);
        int lastDayThisWeek = b.endOfWeek == null ? -1 : calendar.workingDaysBetween(b.firstDay, b.endOfWeek);
        int lastFinish = -1;
        for (int i = 0; i < ready; i++) {
            lastFinish = Math.max(lastFinish, b.schedule.finishDay(i));
            if (!reviewing[i]) {
                b.fitting += b.schedule.finishDay(i) <= lastDayThisWeek ? 1 : 0;
                b.starting += b.schedule.startDay(i) <= lastDayThisWeek ? 1 : 0;
            }
        }
        b.clearedBy = lastFinish < 0 ? null : calendar.plusWorkingDays(b.firstDay, lastFinish);
        return new QueuePlan(b);
    }

    private static final class Builder {
        LocalDate today;
        LocalDate firstDay;
        int ready;
        ReviewSchedule schedule;
        double inReviewHours;
        double queuedHours;
        double totalHours;
        int inReview;
        int oldestWaiting = -1;
        LocalDate endOfWeek;
        int fitting;
        int starting;
        LocalDate clearedBy;
    }
}
