package dev.docket.ranking;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

/** How often and how long the ranking is rebuilt in full versus updated for one edited contract. */
@Singleton
class RankingMetrics {

    private final Timer full;
    private final Timer incremental;

    RankingMetrics(MeterRegistry meters) {
        this.full = Timer.builder("docket.ranking.updates").tag("kind", "full")
                .description("Re-ranks of the whole open backlog").register(meters);
        this.incremental = Timer.builder("docket.ranking.updates").tag("kind", "incremental")
                .description("One edited contract re-scored and moved").register(meters);
    }

    Timer full() {
        return full;
    }

    Timer incremental() {
        return incremental;
    }
}
