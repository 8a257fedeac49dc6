package dev.docket.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import dev.docket.support.Cluster;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * Two instances started at the same moment on an empty database both come up, and the start-up work that must
 * happen once (the rule version, the CRM sample, the readiness reconciliation) happened once.
 */
class ClusterStartIT {

    @Test
    void twoInstancesStartedTogetherOnAnEmptyDatabase_bothComeUp_andSeedItOnce() throws Exception {
        try (Cluster cluster = new Cluster(Map.of("docket.sample.enabled", "true", "docket.rules.watch", "false"))) {
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<Cluster.Instance>> starting = List.of(1, 2).stream()
                    .map(n -> CompletableFuture.supplyAsync(() -> {
                        await(together);
                        return cluster.start();
                    })).toList();
            List<Cluster.Instance> instances = starting.stream().map(CompletableFuture::join).toList();

            for (Cluster.Instance instance : instances) {
                Map<?, ?> page = instance.http().retrieve(HttpRequest.GET("/api/ranking?size=1"), Map.class);
                assertThat(page.get("total")).isEqualTo(88);
            }
            try (Connection c = cluster.connect()) {
                assertThat(count(c, "SELECT COUNT(*) FROM contract")).isEqualTo(88);
                assertThat(count(c, "SELECT COUNT(*) FROM rule_version")).isEqualTo(1);
                assertThat(count(c, "SELECT COUNT(*) FROM change_event WHERE type = 'BACKLOG_LOADED'")).isEqualTo(1);
                assertThat(count(c, "SELECT COUNT(*) FROM change_event WHERE type = 'RULES_ACTIVATED'")).isEqualTo(1);
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
