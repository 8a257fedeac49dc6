package dev.docket.forecast;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import dev.docket.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
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

    private static void start(Map<String, Object> capacity) {
        TestDatabase database = new TestDatabase();
        Map<String, Object> properties = new HashMap<>(database.properties());
        properties.putAll(capacity);
        properties.put("micronaut.server.port", -1);
        try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, properties, "test").getApplicationContext()) {
            throw new AssertionError("Docket started with " + capacity);
        } finally {
            database.drop();
        }
    }
}
