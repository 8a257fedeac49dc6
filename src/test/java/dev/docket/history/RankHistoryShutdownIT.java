package dev.docket.history;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.docket.support.Api;
import dev.docket.support.Cluster;
import org.junit.jupiter.api.Test;

/** Moves handed to the history writer before Docket stops are stored, though the writer is still busy when it stops. */
class RankHistoryShutdownIT {

    static final int CONTRACTS = 30;

    @Test
    void arrivalsHandedOverJustBeforeShutdownAreAllStored() throws Exception {
        try (Cluster cluster = new Cluster(Map.of("docket.rules.watch", "false"))) {
            Cluster.Instance docket = cluster.start();
            Api api = docket.api();
            // One arrival stored first: the ranking is built and edits now move it one by one.
            api.create(contract("SHUT-0", "gates", allGatesPassed()));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (arrivals(cluster) < 1 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(arrivals(cluster)).isEqualTo(1);

            for (int i = 1; i <= CONTRACTS; i++) {
                api.create(contract("SHUT-" + i, "gates", allGatesPassed()));
            }
            cluster.stop(docket);

            assertThat(arrivals(cluster)).isEqualTo(CONTRACTS + 1);
        }
    }

    private static long arrivals(Cluster cluster) throws SQLException {
        try (Connection connection = cluster.connect();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT COUNT(DISTINCT contract_id) FROM rank_move WHERE cause = 'ARRIVED'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
