package dev.docket.forecast;

import dev.docket.calendar.BusinessCalendar;
import dev.docket.calendar.LegalCalendar;
import dev.docket.ranking.ContractSummary;
import dev.docket.ranking.Ranking;
import dev.docket.ranking.RankingService;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** Answers GET /api/capacity from the current ranking's plan, so it agrees with every forecast shown. */
@Singleton
class CapacityService {

    private static final int HOLIDAYS_SHOWN = 5;

    private final RankingService rankings;
    private final ForecastService forecasts;
    private final CapacityPolicy policy;
    private final LegalCalendar calendar;
    private final BusinessCalendar zone;

    CapacityService(RankingService rankings, ForecastService forecasts, CapacityPolicy policy, LegalCalendar calendar,
                    BusinessCalendar zone) {
        this.rankings = rankings;
        this.forecasts = forecasts;
        this.policy = policy;
        this.calendar = calendar;
        this.zone = zone;
    }

    CapacityReport report() {
        Ranking ranking = rankings.current();
        QueuePlan plan = forecasts.plan(ranking);
        double perDay = policy.hoursPerReviewerDay();
        int daysLeft = plan.endOfWeek == null ? 0 : calendar.workingDaysBetween(plan.firstDay, plan.endOfWeek) + 1;
        var week = new CapacityReport.ThisWeek(plan.endOfWeek, daysLeft, round(daysLeft * perDay * policy.reviewers()),
                round(plan.inReviewHours), round(plan.queuedHours), plan.queuedFittingThisWeek, plan.queuedStartingThisWeek);
        var backlog = new CapacityReport.Backlog(plan.ready, plan.inReview, ranking.size() - plan.ready,
                round((plan.inReviewHours + plan.queuedHours) / perDay), round(plan.totalHours / perDay), plan.readyClearedBy);
        return new CapacityReport(plan.today, policy.reviewers(), policy.hoursPerReviewerWeek(), round(perDay), week,
                backlog, oldest(ranking, plan), calendar.holidaysFrom(plan.today, HOLIDAYS_SHOWN), ranking.ruleVersion(),
                ranking.computedAt());
    }

    private @Nullable CapacityReport.Waiting oldest(Ranking ranking, QueuePlan plan) {
        if (plan.oldestWaiting < 0) {
            return null;
        }
        ContractSummary c = ranking.contractAt(plan.oldestWaiting);
        return new CapacityReport.Waiting(c.id(), c.title(), plan.oldestWaiting + 1, c.readySince(),
                calendar.workingDaysBetween(zone.dateOf(c.readySince()), plan.today));
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
