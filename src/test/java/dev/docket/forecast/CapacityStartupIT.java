package dev.docket.forecast;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import dev.docket.support.Cluster;
import org.junit.jupiter.api.Test;

/** A capacity setting that makes no sense stops Docket at start-up, naming the key, not at the first forecast. */
class CapacityStartupIT {

    @Test
    void refusesToStartWithoutReviewers() {
        assertThatThrownBy(() -> start(Map.of("docket.capacity.reviewers", "0")))
                .hasStackTraceContaining("docket.capacity.reviewers must be at least 1, but is 0");
    }

    @Test
    void refusesToStartWithNegativeEffort() {
        assertThatThrownBy(() -> start(Map.of("docket.capacity.effort-hours.dpa.customer", "-6")))
                .hasStackTraceContaining("docket.capacity.effort-hours.dpa.customer must be more than 0 hours, but is -6");
    }

    private static void start(Map<String, String> capacity) {
        try (Cluster docket = new Cluster(capacity)) {
            docket.start();
            throw new AssertionError("Docket started with " + capacity);
        }
    }
}
