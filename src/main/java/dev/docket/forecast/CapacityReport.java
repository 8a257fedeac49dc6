package dev.docket.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Legal's capacity against the queue: what fits this week, how big the backlog is in reviewer-days
 * (one reviewer's review hours on one working day), and who has waited longest.
 */
@Serdeable
public record CapacityReport(LocalDate today, int reviewers, double hoursPerReviewerWeek, double hoursPerReviewerDay,
                             ThisWeek thisWeek, Backlog backlog, @Nullable Waiting oldestWaiting,
                             List<LocalDate> nextHolidays, String ruleVersion, Instant computedAt) {

    /**
     * @param lastWorkingDay      the week's last working day, or null once none is left
     * @param workingDaysLeft     working days from today (included) to that day
     * @param capacityHours       the whole team's review hours in those days
     * @param inReviewHours       effort of contracts already IN_REVIEW, which the team finishes first
     * @param queuedHours         effort of the ready contracts waiting to be picked up
     * @param contractsFitting    waiting ready contracts the forecast finishes by {@code lastWorkingDay}
     * @param contractsStarting   waiting ready contracts the forecast starts by then
     */
    @Serdeable
    public record ThisWeek(@Nullable LocalDate lastWorkingDay, int workingDaysLeft, double capacityHours,
                           double inReviewHours, double queuedHours, int contractsFitting, int contractsStarting) {
    }

    /**
     * @param ready               contracts in the ready lane, IN_REVIEW ones included
     * @param inReview            of which a reviewer is on now
     * @param notReady            contracts in the not-ready lane
     * @param readyReviewerDays   the ready lane's effort in reviewer-days
     * @param totalReviewerDays   every open contract's effort, not-ready ones included
     * @param readyClearedBy      when the forecast finishes the last ready contract, if nothing new arrives
     */
    @Serdeable
    public record Backlog(int ready, int inReview, int notReady, double readyReviewerDays, double totalReviewerDays,
                          @Nullable LocalDate readyClearedBy) {
    }

    /** The waiting ready contract that became ready first; business days count legal's working days. */
    @Serdeable
    public record Waiting(long contractId, String title, int rank, Instant readySince, int businessDaysWaiting) {
    }
}
