package dev.docket.cluster;

import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import dev.docket.support.Cluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Many clients writing the same contract at once through two instances on one database: every answer is
 * 200 (or 201) or 409, never a 500 deadlock, and what is stored is what the last acknowledged write said.
 * Runs on H2 by default and on MariaDB with DOCKET_TEST_DB=mariadb (as .ci/run does).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentWritesIT {

    static final String REASON = "customer CEO escalated twice this week";

    Cluster cluster;

    @BeforeAll
    void start() {
        // 25 writers per instance at once: with Hikari's default of 10 connections the rest queue for a connection
        // and, on a loaded machine, answer 503 (overload) after the 1 s connection timeout. This test is about
        // lock ordering, so the pool is sized to the concurrency, as a deployment sizes it to its own; connections
        // open only on demand, so the shared test server's connection limit is touched only during the bursts.
        cluster = new Cluster(Map.of("datasources.default.maximum-pool-size", "30",
                "datasources.default.minimum-idle", "1"));
        // One after the other: each migrates the schema on its own start.
        cluster.start();
        cluster.start();
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void fiftyWritersOnOneValueGetOnly200Or409AndTheLastAcknowledgedValueIsStored() throws Exception {
        long id = create("CW-VALUE");
        long startVersion = cluster.get(0, "/api/contracts/" + id).number("version");

        record Write(int status, BigDecimal amount, long version, String body) {
        }
        List<Write> writes = race(50, writer -> () -> {
            List<Write> mine = new ArrayList<>();
            for (int attempt = 0; attempt < 5; attempt++) {
                int instance = writer + attempt;
                Cluster.Reply read = cluster.get(instance, "/api/contracts/" + id);
                assertThat(read.status()).as(read.body()).isEqualTo(200);
                long version = read.number("version");
                BigDecimal amount = BigDecimal.valueOf(100_000 + writer * 10L + attempt).setScale(2);
                Cluster.Reply r = cluster.send(instance, "PATCH", "/api/contracts/" + id, map("version", version,
                        "dealValue", map("amount", amount, "currency", "USD")));
                mine.add(new Write(r.status(), amount, r.status() == 200 ? r.number("version") : -1, r.body()));
            }
            return mine;
        });

        assertThat(writes).hasSize(250).allSatisfy(w -> assertThat(w.status()).as(w.body()).isIn(200, 409));
        if (cluster.isMariadb()) {
            // Writers queue on the contract's row lock (MariaDB waits up to 50 s for it), so every loser is a stale
            // version and none is a deadlock turned into 409. H2 gives up on a lock after 1 s, which a loaded
            // machine can reach, so there a lock timeout may answer 409 too.
            assertThat(writes.stream().filter(w -> w.status() == 409))
                    .allSatisfy(w -> assertThat(w.body()).contains("reload the contract and apply the change again"));
        }
        List<Write> acknowledged = writes.stream().filter(w -> w.status() == 200).toList();
        assertThat(acknowledged).isNotEmpty();
        // Each acknowledged write made exactly one new version: none was lost, none applied twice.
        assertThat(acknowledged.stream().map(Write::version).distinct()).hasSize(acknowledged.size());
        Write last = Collections.max(acknowledged, (a, b) -> Long.compare(a.version(), b.version()));
        for (int instance = 0; instance < 2; instance++) {
            Map<String, Object> stored = cluster.get(instance, "/api/contracts/" + id).map();
            assertThat(((Number) stored.get("version")).longValue()).isEqualTo(startVersion + acknowledged.size());
            assertThat(new BigDecimal(String.valueOf(((Map<?, ?>) stored.get("dealValue")).get("amount"))).setScale(2))
                    .isEqualTo(last.amount());
        }
        assertThat(count("SELECT COUNT(*) FROM contract_field_change WHERE contract_id = ?", id)).isEqualTo(acknowledged.size());
    }

    @Test
    void twentyParallelOverrideRequestsAndApprovalsOnOneContractLeaveExactlyOneActive() throws Exception {
        long id = create("CW-OVERRIDE");
        String approver = cluster.token("head-of-legal", List.of("approver"), List.of());

        // Asking is the first act: a contract holds at most one waiting request, so of 20 at once exactly one lands.
        List<Cluster.Reply> asked = race(20, asker -> () -> List.of(cluster.send(asker, "POST",
                "/api/contracts/" + id + "/overrides", map("points", 10 + asker, "reason", REASON,
                        "expiresAt", "2026-11-20T09:00:00Z"))));

        assertThat(asked).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(201, 409));
        assertThat(asked.stream().filter(r -> r.status() == 201)).hasSize(1);
        long pending = asked.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().number("id");
        assertThat(asked.stream().filter(r -> r.status() == 409)).allSatisfy(r -> assertThat(r.body())
                .contains("already has override request " + pending + " ").contains("waiting for an approver"));

        // Approving is the second act, by someone who did not ask: 20 approvals at once through both instances,
        // and only one of them may make the override count.
        List<Cluster.Reply> approvals = race(20, n -> () -> List.of(cluster.send(n, "POST",
                "/api/overrides/" + pending + "/approve", null, approver)));

        assertThat(approvals).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 409));
        assertThat(approvals.stream().filter(r -> r.status() == 200)).hasSize(1);
        List<Map<String, Object>> ledger = cluster.get(1, "/api/contracts/" + id + "/overrides").list();
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).get("state")).isEqualTo("ACTIVE");
        assertThat(ledger.get(0).get("approvedBy")).isEqualTo("head-of-legal");
        assertThat(count("SELECT COUNT(*) FROM contract_override WHERE contract_id = ? AND revoked_at IS NULL", id)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM contract_override WHERE active_contract_id = ?", id)).isEqualTo(1);
    }

    @Test
    void theDatabaseItselfRefusesASecondActiveOverride() {
        long id = create("CW-UNIQUE");
        Cluster.Reply asked = cluster.send(0, "POST", "/api/contracts/" + id + "/overrides", map("points", 10,
                "reason", REASON, "expiresAt", "2026-11-20T09:00:00Z"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        Cluster.Reply first = cluster.send(1, "POST", "/api/overrides/" + asked.number("id") + "/approve", null,
                cluster.token("general-counsel", List.of("approver"), List.of()));
        assertThat(first.status()).as(first.body()).isEqualTo(200);

        // Attack the guard from below: a second active marker for the same contract, written straight to the table.
        SQLException refused = null;
        try (Connection c = cluster.connect();
             PreparedStatement insert = c.prepareStatement("INSERT INTO contract_override (contract_id, points, pin_to_top, "
                     + "reason, asked_by, approved_by, created_at, expires_at, active_contract_id) "
                     + "VALUES (?, 5, FALSE, 'x', 'y', 'z', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?)")) {
            insert.setLong(1, id);
            insert.setLong(2, id);
            insert.executeUpdate();
        } catch (SQLException e) {
            refused = e;
        }
        assertThat((Throwable) refused).as("a second active override row must be refused by uk_override_one_active").isNotNull();
    }

    @Test
    void parallelDecisionsOnOneApprovalLeaveExactlyOne() throws Exception {
        long id = create("CW-APPROVAL");
        Cluster.Reply asked = cluster.send(0, "POST", "/api/contracts/" + id + "/approvals",
                map("decisionMaker", "CFO", "question", "Is a 30% discount acceptable?"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        long approval = asked.number("id");
        // Twelve different approvers, each listed as deciding for the CFO and none of them the one who asked.
        List<String> cfos = new ArrayList<>();
        for (int decider = 0; decider < 12; decider++) {
            cfos.add(cluster.token("cfo-" + decider, List.of("approver"), List.of("CFO")));
        }

        List<Cluster.Reply> replies = race(12, decider -> () -> List.of(cluster.send(decider, "POST",
                "/api/approvals/" + approval + "/decision", map("decision", decider % 2 == 0 ? "APPROVED" : "REJECTED",
                        "comment", "decided by " + decider), cfos.get(decider))));

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 409));
        List<Cluster.Reply> won = replies.stream().filter(r -> r.status() == 200).toList();
        assertThat(won).hasSize(1);
        Map<String, Object> stored = cluster.get(1, "/api/contracts/" + id + "/approvals").list().get(0);
        assertThat(stored.get("decidedBy")).isEqualTo(won.get(0).map().get("decidedBy"));
        assertThat(stored.get("status")).isEqualTo(won.get(0).map().get("status"));
    }

    @Test
    void parallelRequestsGatesAndCommentsOnOneContractAllLandWithoutDeadlock() throws Exception {
        long id = create("CW-MIXED");
        String[] gates = {"commercial-terms-agreed", "pricing-approved", "security-review-done", "signatory-known"};

        List<Cluster.Reply> replies = race(40, n -> () -> List.of(switch (n % 3) {
            case 0 -> cluster.send(n, "POST", "/api/contracts/" + id + "/approvals",
                    map("decisionMaker", "CFO", "question", "Question number " + n));
            case 1 -> cluster.send(n, "PUT", "/api/contracts/" + id + "/gates/" + gates[n % 4],
                    map("passed", n % 2 == 0));
            default -> cluster.send(n, "POST", "/api/contracts/" + id + "/comments", map("text", "note " + n));
        }));

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 201));
        assertThat(cluster.get(0, "/api/contracts/" + id + "/approvals").list()).hasSize(14);
        assertThat(cluster.get(1, "/api/contracts/" + id + "/comments").list()).hasSize(13);
    }

    private long create(String ref) {
        Cluster.Reply r = cluster.send(0, "POST", "/api/contracts", contract(ref));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.number("id");
    }

    /** Runs {@code n} tasks released at the same moment and gathers what they return. */
    private static <T> List<T> race(int n, IntFunction<Callable<List<T>>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<T>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<List<T>> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return work.call();
                }));
            }
            go.countDown();
            List<T> all = new ArrayList<>();
            for (Future<List<T>> f : futures) {
                all.addAll(f.get(5, TimeUnit.MINUTES));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private long count(String sql, long id) {
        try (Connection c = cluster.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
