package dev.docket.feed;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

/**
 * The instance's place in the change feed and how far behind the others' changes it may be. STALE (still
 * operational: reads are served from memory, marked stale) once the feed has not been read up to its head for
 * docket.feed.stale-after, as while the database cannot be reached.
 */
@Singleton
class FeedHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    static final HealthStatus STALE = new HealthStatus("STALE",
            "the change feed cannot be read; rankings and explanations may miss other instances' changes", true, 1);

    private final ChangeFeed feed;

    FeedHealthIndicator(ChangeFeed feed) {
        this.feed = feed;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        ChangeFeed.Status status = feed.status();
        healthStatus = status.stale() ? STALE : HealthStatus.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("instance", status.instance());
        details.put("position", status.position());
        details.put("behind", status.behind());
        details.put("lagMillis", status.lagMillis());
        details.put("stale", status.stale());
        details.put("gaps", status.gaps());
        details.put("applied", status.applied());
        details.put("reloads", status.reloads());
        if (status.lastFailure() != null) {
            details.put("lastFailure", status.lastFailure());
        }
        return details;
    }

    @Override
    protected String getName() {
        return "changeFeed";
    }
}
