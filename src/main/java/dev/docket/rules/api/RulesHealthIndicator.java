package dev.docket.rules.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.docket.rules.ActiveRuleSet;
import dev.docket.rules.BacklogTrial;
import dev.docket.rules.RulesStatus;
import dev.docket.rules.scoring.ScoringFailure;
import dev.docket.rules.version.FolderDrift;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

/**
 * Reports DEGRADED while the latest rule candidate failed: the queue still ranks with the last good
 * version (so the service stays operational), but the edit legal ops made is not live.
 */
@Singleton
class RulesHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    /**
     * Operational left unknown (null), not true: Micronaut orders statuses by "operational" first, and a DEGRADED that
     * is as operational as UP compares equal to it, so the top-level status was whichever indicator answered last.
     * Unknown sorts after UP and before DOWN, so the top level is DEGRADED whenever this is, and answers 200.
     */
    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED",
            "the latest rule change failed its checks, or the live rules could not score some contracts; the rest ranks",
            null, 1);

    private final ActiveRuleSet rules;
    private final BacklogTrial backlog;

    RulesHealthIndicator(ActiveRuleSet rules, BacklogTrial backlog) {
        this.rules = rules;
        this.backlog = backlog;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        RulesStatus.Attempt attempt = rules.lastAttempt();
        boolean failing = attempt != null && !attempt.activated();
        List<ScoringFailure> parked = backlog.parked();
        FolderDrift drift = rules.drift();
        healthStatus = failing || !parked.isEmpty() || drift != null ? DEGRADED : HealthStatus.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("activeVersion", rules.active().version().id());
        details.put("activeHash", rules.get().version());
        if (failing) {
            details.put("failedAt", attempt.at().toString());
            details.put("problems", attempt.problems().size());
            details.put("firstProblem", attempt.problems().isEmpty() ? "" : attempt.problems().get(0).toString());
        }
        if (drift != null) {
            details.put("folderDrift", drift.describe());
        }
        if (!parked.isEmpty()) {
            details.put("parkedContracts", parked.size());
            details.put("parked", parked.stream().limit(10).map(ScoringFailure::describe).toList());
        }
        return details;
    }

    @Override
    protected String getName() {
        return "rules";
    }
}
