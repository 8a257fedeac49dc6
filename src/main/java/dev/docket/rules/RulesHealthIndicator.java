package dev.docket.rules;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

/**
 * Reports DEGRADED while the latest rule candidate failed: the queue still ranks with the last good
 * version (so the service stays operational), but the edit legal ops made is not live.
 */
@Singleton
class RulesHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED",
            "the latest rule change failed its checks; the last good version keeps serving", true, 1);

    private final ActiveRuleSet rules;

    RulesHealthIndicator(ActiveRuleSet rules) {
        this.rules = rules;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        RulesStatus.Attempt attempt = rules.lastAttempt();
        boolean failing = attempt != null && !attempt.activated();
        healthStatus = failing ? DEGRADED : HealthStatus.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("activeVersion", rules.active().version().id());
        details.put("activeHash", rules.get().version());
        if (failing) {
            details.put("failedAt", attempt.at().toString());
            details.put("problems", attempt.problems().size());
            details.put("firstProblem", attempt.problems().isEmpty() ? "" : attempt.problems().get(0).toString());
        }
        return details;
    }

    @Override
    protected String getName() {
        return "rules";
    }
}
