package dev.docket.ranking;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

/**
 * DOWN until the first ranking of the backlog has been computed after start-up. Until then a ranking or an
 * explanation would wait for it (seconds, for a backlog of 100,000), so a load balancer should send nothing yet.
 * Afterwards UP, with the size, rule version and time of the ranking being served.
 */
@Singleton
class RankingHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final RankingService rankings;

    RankingHealthIndicator(RankingService rankings) {
        this.rankings = rankings;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        Ranking ranking = rankings.published();
        if (ranking == null) {
            healthStatus = HealthStatus.DOWN;
            details.put("ranking", "the first ranking of the backlog is being computed");
            return details;
        }
        healthStatus = HealthStatus.UP;
        details.put("contracts", ranking.size());
        details.put("ready", ranking.readyCount());
        details.put("ruleVersion", ranking.ruleVersion());
        details.put("computedAt", ranking.computedAt().toString());
        return details;
    }

    @Override
    protected String getName() {
        return "ranking";
    }
}
