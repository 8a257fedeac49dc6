package dev.docket.cluster;

import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

import dev.docket.support.Cluster;
import dev.docket.support.RulesFolderCopy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rule activation is compare-and-set on the live version: of two activations based on the same version one
 * wins, the other gets 409 naming the winner, and an instance whose folder lost says so in status and health.
 * Each instance watches its own copy of rules/ and never polls the database on its own during the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleActivationRaceIT {

    @RegisterExtension
    static final RulesFolderCopy folderA = new RulesFolderCopy();
    @RegisterExtension
    static final RulesFolderCopy folderB = new RulesFolderCopy();
    Cluster cluster;

    @BeforeAll
    void start() {
        // No background adoption: each instance learns of the other's activation only through the compare-and-set.
        cluster = new Cluster(Map.of("docket.rules.debounce", "50ms", "docket.rules.sync-interval", "1h"));
        for (RulesFolderCopy folder : List.of(folderA, folderB)) {
            cluster.start(folder.settings());
        }
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void ofTwoSimultaneousActivationsOneWinsAndTheOtherGets409NamingTheWinner() throws Exception {
        long before = status(0).number("number");
        String age = folderA.read("age.drl");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Cluster.Reply>> calls = List.of(0, 1).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return activate(i, age.replace("(3 points a day)", "(3 points a day, change " + i + ")"));
                }))
                .toList();
        go.countDown();
        List<Cluster.Reply> replies = calls.stream().map(CompletableFuture::join).toList();

        assertThat(replies).extracting(Cluster.Reply::status).containsExactlyInAnyOrder(200, 409);
        int winner = replies.get(0).status() == 200 ? 0 : 1;
        Map<String, Object> live = active(replies.get(winner).map());
        long liveNumber = ((Number) live.get("number")).longValue();
        assertThat(liveNumber).isGreaterThan(before);
        Cluster.Reply lost = replies.get(1 - winner);
        assertThat(lost.body()).contains("version " + liveNumber + " (" + live.get("hash")).contains("was not activated");
        // Both instances serve the winner now; the loser says its change is not live, in status and in health.
        for (int i = 0; i < 2; i++) {
            assertThat(status(i).map().get("hash")).isEqualTo(live.get("hash"));
        }
        Map<String, Object> loserStatus = cluster.get(1 - winner, "/api/rules/status").map();
        assertThat(loserStatus.get("healthy")).isEqualTo(false);
        assertThat(String.valueOf(loserStatus.get("lastAttempt"))).contains("activated=false").contains("version " + liveNumber);
        assertThat(cluster.get(1 - winner, "/health").body()).contains("DEGRADED");
        List<Map<String, Object>> versions = cluster.get(0, "/api/rules/versions").list();
        assertThat(versions).hasSize((int) liveNumber);
    }

    @Test
    @Order(2)
    void aFolderChangeThatLostToAnotherInstanceSaysSoInStatusAndHealth() throws Exception {
        String age = folderA.read("age.drl");
        Cluster.Reply fromA = activate(0, age.replace("(3 points a day)", "(3 points each business day, from A)"));
        assertThat(fromA.status()).as(fromA.body()).isEqualTo(200);
        Map<String, Object> live = active(fromA.map());

        // B's save is based on an older version than the live one: it must not go live. Since the live version was set
        // through the API, B holds its folder change (docs/rules.md, folder drift) or, if it tried, loses the
        // compare-and-set; either way B says so in status and health.
        String driftBefore = String.valueOf(cluster.get(1, "/api/rules/status").map().get("drift"));
        folderB.write("age.drl", folderB.read("age.drl").replace("(3 points a day)", "(3 points a day, saved on B)"));
        Map<String, Object> bStatus = awaitStatus(1, s -> String.valueOf(s.get("active")).contains("hash=" + live.get("hash"))
                && ((String.valueOf(s.get("lastAttempt")).contains("FILE")
                && String.valueOf(s.get("lastAttempt")).contains("activated=false"))
                || (s.get("drift") != null && !String.valueOf(s.get("drift")).equals(driftBefore)
                && String.valueOf(s.get("drift")).contains("age.drl"))));

        assertThat(bStatus.get("healthy")).isEqualTo(false);
        assertThat(((Map<?, ?>) bStatus.get("active")).get("hash")).isEqualTo(live.get("hash"));
        assertThat(cluster.get(1, "/health").body()).contains("DEGRADED");
        assertThat(status(0).map().get("hash")).isEqualTo(live.get("hash"));
    }

    private Cluster.Reply activate(int instance, String ageRule) {
        return cluster.send(instance, "POST", "/api/rules/activate", map("files", List.of(map("path", "age.drl",
                "content", ageRule))));
    }

    private Cluster.Reply status(int instance) {
        Cluster.Reply r = cluster.get(instance, "/api/rules/status");
        return new Cluster.Reply(r.status(), jsonOf(r, "active"), null, r.took(), r.json());
    }

    private static String jsonOf(Cluster.Reply r, String field) {
        try {
            return r.json().writeValueAsString(r.map().get(field));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> active(Map<String, Object> status) {
        return (Map<String, Object>) status.get("active");
    }

    private Map<String, Object> awaitStatus(int instance, Predicate<Map<String, Object>> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<String, Object> last = null;
        while (System.nanoTime() < deadline) {
            last = cluster.get(instance, "/api/rules/status").map();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("status never met the condition; last: " + last);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
