package dev.docket.cluster;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.docket.support.Cluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The database freezes (SIGSTOP), then dies (SIGKILL), then comes back, under a running Docket: writes answer
 * 503 with Retry-After within 2 s, the ranking and explanations keep being served from memory, Docket
 * recovers without a restart, and every acknowledged write is there afterwards. Uses a MariaDB of its own on
 * a random port (skipped when mariadbd is not installed); never the shared server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutageIT {

    static final Duration WRITE_ANSWER_LIMIT = Duration.ofSeconds(2);

    OwnMariaDb db;
    Cluster docket;
    /** Contract id to the last acknowledged amount and version. */
    final Map<Long, long[]> acknowledged = new LinkedHashMap<>();

    @BeforeAll
    void start() throws Exception {
        Assumptions.assumeTrue(OwnMariaDb.binary() != null,
                "mariadbd is not installed (apt-get install mariadb-server), so the outage test cannot run its own server");
        db = OwnMariaDb.install(Path.of("target", "outage-db-" + UUID.randomUUID().toString().substring(0, 8)));
        db.start();
        db.execute("CREATE DATABASE docket CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        docket = Cluster.onOwnDatabase(Map.of(
                // The driver's own timeouts: a frozen server cannot hold a connection attempt or a query.
                "datasources.default.url", db.url("docket") + "?connectTimeout=1000&socketTimeout=1500",
                "datasources.default.username", "root",
                "datasources.default.password", "",
                "datasources.default.driver-class-name", "org.mariadb.jdbc.Driver"));
        docket.start();
    }

    @AfterAll
    void stop() {
        if (docket != null) {
            docket.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void writesAnswer503QuicklyReadsKeepAnsweringAndNothingAcknowledgedIsLost() throws Exception {
        for (int i = 0; i < 3; i++) {
            Cluster.Reply created = docket.send(0, "POST", "/api/contracts", contract("OUT-" + i, "gates", allGatesPassed()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long id = created.number("id");
            acknowledged.put(id, new long[] {48_210, created.number("version")});
            assertThat(edit(id, 50_000 + i).status()).isEqualTo(200);
        }
        long first = acknowledged.keySet().iterator().next();

        db.freeze();
        assertWritesGet503AndReadsAnswer(first);

        db.kill();
        assertWritesGet503AndReadsAnswer(first);
        Cluster.Reply create = docket.send(0, "POST", "/api/contracts", contract("OUT-DOWN"));
        assertThat(create.status()).as(create.body()).isEqualTo(503);

        db.start();
        // Recovery without a restart: the pool reconnects on its own; keep editing until writes succeed again.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int recovered = 0;
        while (recovered < acknowledged.size() && System.nanoTime() < deadline) {
            recovered = 0;
            for (long id : acknowledged.keySet()) {
                Cluster.Reply r = edit(id, 70_000 + id);
                assertThat(r.status()).as(r.body()).isIn(200, 503);
                recovered += r.status() == 200 ? 1 : 0;
            }
            Thread.sleep(recovered < acknowledged.size() ? 500 : 0);
        }
        assertThat(recovered).as("writes succeed again after the database came back").isEqualTo(acknowledged.size());

        for (Map.Entry<Long, long[]> e : acknowledged.entrySet()) {
            Cluster.Reply stored = docket.get(0, "/api/contracts/" + e.getKey());
            assertThat(stored.status()).isEqualTo(200);
            assertThat(stored.number("version")).isEqualTo(e.getValue()[1]);
            assertThat(new BigDecimal(String.valueOf(((Map<?, ?>) stored.map().get("dealValue")).get("amount"))))
                    .isEqualByComparingTo(BigDecimal.valueOf(e.getValue()[0]));
        }
        Cluster.Reply explanation = docket.get(0, "/api/contracts/" + first + "/explanation");
        assertThat(explanation.status()).isEqualTo(200);
    }

    private void assertWritesGet503AndReadsAnswer(long id) {
        Cluster.Reply write = edit(id, 99_999);
        assertThat(write.status()).as(write.body()).isEqualTo(503);
        assertThat(write.took()).isLessThan(WRITE_ANSWER_LIMIT);
        assertThat(write.retryAfter()).isNotBlank();
        assertThat(write.body()).contains("retry in");
        Cluster.Reply gate = docket.send(0, "PUT", "/api/contracts/" + id + "/gates/signatory-known",
                map("passed", false));
        assertThat(gate.status()).as(gate.body()).isEqualTo(503);
        assertThat(gate.took()).isLessThan(WRITE_ANSWER_LIMIT);

        Cluster.Reply ranking = docket.get(0, "/api/ranking?size=5");
        assertThat(ranking.status()).as(ranking.body()).isEqualTo(200);
        assertThat(ranking.body()).contains("\"id\":" + id + ",");
        Cluster.Reply explanation = docket.get(0, "/api/contracts/" + id + "/explanation");
        assertThat(explanation.status()).as(explanation.body()).isEqualTo(200);
    }

    /** Edits the deal value on the last acknowledged version, recording the edit only if it was acknowledged. */
    private Cluster.Reply edit(long id, long amount) {
        long[] last = acknowledged.get(id);
        Cluster.Reply r = docket.send(0, "PATCH", "/api/contracts/" + id, map("version", last[1],
                "dealValue", map("amount", amount, "currency", "USD")));
        if (r.status() == 200) {
            acknowledged.put(id, new long[] {amount, r.number("version")});
        }
        return r;
    }
}
