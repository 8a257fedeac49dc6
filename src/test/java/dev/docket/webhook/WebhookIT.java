package dev.docket.webhook;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.json;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.docket.feed.ChangeLog;
import dev.docket.feed.ChangeType;
import dev.docket.support.Api;
import dev.docket.support.Cluster;
import dev.docket.support.People;
import dev.docket.support.TestClock;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Webhooks end to end, against real receivers on local ports (JDK HttpServer) and Docket instances on one database
 * (H2, or MariaDB with DOCKET_TEST_DB=mariadb): every event type arrives signed; a receiver that is down is retried
 * with backoff until it is back; one that keeps failing is dead-lettered and can be replayed; a restart and a second
 * instance neither lose an event nor send one twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Cluster cluster;
    private Cluster.Instance a;
    private JsonMapper json;
    private String approver;
    private String cfo;

    @BeforeAll
    void start() {
        // The expiry check's first run comes after one interval; at 200 ms it can fire before a new instance's context
        // is running and its schedule is then lost (a Micronaut scheduling error in the log), so it gets 2 s here.
        cluster = new Cluster(Map.of("docket.sample.enabled", "false", "docket.rules.watch", "false",
                "docket.overrides.expiry-check", "2s", "docket.webhooks.poll-interval", "50ms",
                "docket.webhooks.initial-backoff", "300ms", "docket.webhooks.max-backoff", "1s",
                "docket.webhooks.max-attempts", "4", "docket.webhooks.request-timeout", "3s"));
        a = cluster.start();
        json = a.bean(JsonMapper.class);
        People people = a.people();
        approver = people.token("head-of-legal", "approver");
        cfo = people.token("cfo", List.of("approver"), List.of("CFO"));
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void badSubscriptionBodies_are400sNamingTheField() {
        Api api = a.api();
        Map<String, String> cases = Map.of(
                "{\"events\":[\"APPROVAL_REQUESTED\"]}", "url",
                "{\"url\":\"ftp://example.com/x\",\"events\":[\"APPROVAL_REQUESTED\"]}", "url",
                "{\"url\":\"https://user:pw@example.com/x\",\"events\":[\"APPROVAL_REQUESTED\"]}", "url",
                "{\"url\":\"not a url\",\"events\":[\"APPROVAL_REQUESTED\"]}", "url",
                "{\"url\":\"https://example.com/x\",\"events\":[]}", "events",
                "{\"url\":\"https://example.com/x\",\"events\":[\"NO_SUCH_EVENT\"]}", "events",
                "{\"url\":\"https://example.com/x\"}", "events",
                "{\"url\":\"https://example.com/x\",\"events\":[\"RANK_MOVED\"],\"minPlaces\":0}", "minPlaces",
                "{\"url\":\"https://example.com/x\",\"events\":[\"RANK_MOVED\"],\"secret\":\"mine\"}", "secret",
                "{\"url\":123,\"events\":[\"RANK_MOVED\"]}", "url");
        cases.forEach((body, field) -> {
            Api.Failure failure = api.fail(json("POST", "/api/webhooks", body));
            assertThat(failure.status()).as(body).isEqualTo(400);
            assertThat(failure.contentType()).as(body).startsWith("application/problem+json");
            assertThat(failure.problem().errors()).as(body).anySatisfy(e -> assertThat(e.field()).startsWith(field));
        });
        assertThat(api.fail(HttpRequest.GET("/api/webhooks/999999")).status()).isEqualTo(404);
        assertThat(api.fail(HttpRequest.GET("/api/webhooks/999999/deliveries")).status()).isEqualTo(404);
        assertThat(api.fail(HttpRequest.GET("/api/webhooks/1/deliveries?size=0")).status()).isEqualTo(400);
        assertThat(api.fail(People.as(approver, HttpRequest.GET("/api/webhooks"))).status()).isEqualTo(403);
    }

    @Test
    void everyEventTypeArrives_signedWithTheSubscriptionsSecret() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            Map<String, Object> created = subscribe(receiver.url("/all"), List.of("RANK_MOVED", "LANE_CHANGED", "APPROVAL_REQUESTED",
                    "APPROVAL_DECIDED", "OVERRIDE_CREATED", "OVERRIDE_EXPIRED", "RULES_ACTIVATED"), 1);
            String secret = (String) created.get("secret");
            assertThat(secret).startsWith("whsec_");
            assertThat(a.api().get("/api/webhooks/" + created.get("id"), Map.class).get("secret")).as("shown once").isNull();

            long ready = a.api().create(contract("WH-READY", "gates", allGatesPassed())).id();
            a.api().create(contract("WH-OTHER", "gates", allGatesPassed(), "dealValue", map("amount", 9_000_000, "currency", "USD")));
            // Asking for an approval moves the deal to the not-ready lane; deciding it brings it back.
            Map<?, ?> approval = a.http().retrieve(HttpRequest.POST("/api/contracts/" + ready + "/approvals",
                    map("decisionMaker", "CFO", "question", "liability cap above 2x")), Map.class);
            a.http().exchange(People.as(cfo, HttpRequest.POST("/api/approvals/" + approval.get("id") + "/decision",
                    map("decision", "APPROVED"))));
            // An approved override of +50 moves it above the bigger deal.
            Map<?, ?> override = a.http().retrieve(HttpRequest.POST("/api/contracts/" + ready + "/overrides",
                    map("points", 50, "reason", "renewal at risk this quarter",
                            "expiresAt", TestClock.START.plus(Duration.ofDays(2)).toString())), Map.class);
            a.http().exchange(People.as(approver, HttpRequest.POST("/api/overrides/" + override.get("id") + "/approve", Map.of())));
            a.bean(TestClock.class).advance(Duration.ofDays(3));
            a.http().exchange(HttpRequest.POST("/api/rules/activate", map("files", List.of(map("path", "age.drl",
                    "content", "// webhooks\n" + java.nio.file.Files.readString(java.nio.file.Path.of("rules/age.drl")))))));

            await(() -> "every event type; got " + types(receiver), () -> types(receiver).containsAll(List.of("RANK_MOVED", "LANE_CHANGED",
                    "APPROVAL_REQUESTED", "APPROVAL_DECIDED", "OVERRIDE_CREATED", "OVERRIDE_EXPIRED", "RULES_ACTIVATED")));
            for (Receiver.Received r : receiver.received()) {
                long timestamp = Long.parseLong(r.header("Docket-Timestamp"));
                assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(60);
                assertThat(r.header("Docket-Signature")).isEqualTo("v1=" + hmac(secret, timestamp + "." + r.body()));
                assertThat(r.header("Docket-Signature")).isNotEqualTo("v1=" + hmac(secret + "x", timestamp + "." + r.body()));
                Map<String, Object> body = body(r);
                assertThat(r.header("Idempotency-Key")).isEqualTo(String.valueOf(body.get("id")));
                assertThat(r.header("Docket-Event-Type")).isEqualTo(body.get("type"));
            }
            // Deliveries are sent concurrently, so they may arrive in any order (docs/webhooks.md): find the one that
            // left the ready lane among the lane changes rather than taking the first to arrive.
            await(() -> "a lane change out of the ready lane; got " + types(receiver), () -> receiver.received().stream()
                    .map(this::body).anyMatch(b -> b.get("type").equals("LANE_CHANGED")
                            && "READY".equals(obj(b.get("data")).get("from"))));
            List<Map<String, Object>> laneChanges = receiver.received().stream().map(this::body)
                    .filter(b -> b.get("type").equals("LANE_CHANGED")).toList();
            assertThat(laneChanges).anySatisfy(b -> {
                assertThat(((Number) b.get("contractId")).longValue()).isEqualTo(ready);
                assertThat(obj(b.get("data"))).containsEntry("from", "READY").containsEntry("to", "NOT_READY");
            });
            Map<String, Object> moved = receiver.received().stream().map(this::body)
                    .filter(b -> b.get("type").equals("RANK_MOVED")).findFirst().orElseThrow();
            assertThat(obj(moved.get("data"))).containsKeys("from", "to", "places", "lane");

            // The log shows each one delivered at the first attempt, once the next poll has recorded the answers.
            String logUrl = "/api/webhooks/" + created.get("id") + "/deliveries?size=100";
            await("every delivery recorded", () -> ((List<?>) a.api().get(logUrl, Map.class).get("deliveries")).stream()
                    .allMatch(row -> "DELIVERED".equals(obj(row).get("status"))));
            List<?> rows = (List<?>) a.api().get(logUrl, Map.class).get("deliveries");
            assertThat(rows).hasSize(receiver.received().size());
            assertThat(rows).allSatisfy(row -> assertThat(obj(row)).containsEntry("status", "DELIVERED")
                    .containsEntry("attempts", 1).containsEntry("lastStatusCode", 200));
        }
    }

    @Test
    void rankMovesBelowMinPlaces_areNotSent() {
        try (Receiver receiver = Receiver.start()) {
            subscribe(receiver.url("/far"), List.of("RANK_MOVED"), 1000);
            long id = a.api().create(contract("WH-FAR", "gates", allGatesPassed())).id();
            a.http().exchange(HttpRequest.POST("/api/contracts/" + id + "/overrides", map("pinToTop", true,
                    "reason", "renewal at risk this quarter", "expiresAt", a.bean(TestClock.class).instant().plus(Duration.ofDays(1)).toString())));
            Marker marker = marker(receiver);
            await("the marker", () -> marker.arrived());
            assertThat(types(receiver)).doesNotContain("RANK_MOVED");
        }
    }

    @Test
    void aReceiverThatIsDown_isRetriedWithBackoff_andGetsTheEventWhenItIsBack() {
        try (Receiver receiver = Receiver.start()) {
            Map<String, Object> created = subscribe(receiver.url("/down"), List.of("APPROVAL_REQUESTED"), 1);
            receiver.down();
            long approvalId = askApproval("WH-DOWN");
            await("two failed attempts", () -> delivery(created).get("attempts") instanceof Number n && n.intValue() >= 2);
            Map<?, ?> failed = delivery(created);
            assertThat(failed.get("status")).isEqualTo("FAILED");
            assertThat((String) failed.get("lastError")).isNotBlank();
            assertThat(failed.get("nextAttemptAt")).isNotNull();
            receiver.up();
            await("delivered once the receiver is back", () -> "DELIVERED".equals(delivery(created).get("status")));
            assertThat(receiver.received()).hasSize(1);
            assertThat(obj(body(receiver.received().get(0)).get("data"))).isNotNull();
            assertThat(((Number) body(receiver.received().get(0)).get("entityId")).longValue()).isEqualTo(approvalId);
        }
    }

    @Test
    void aReceiverThatKeepsFailing_isDeadLettered_andAReplayDeliversIt() {
        try (Receiver receiver = Receiver.start()) {
            receiver.answer(500);
            Map<String, Object> created = subscribe(receiver.url("/fails"), List.of("APPROVAL_REQUESTED"), 1);
            askApproval("WH-DEAD");
            await("dead after 4 attempts", () -> "DEAD".equals(delivery(created).get("status")));
            Map<?, ?> dead = delivery(created);
            assertThat(dead.get("attempts")).isEqualTo(4);
            assertThat(dead.get("lastStatusCode")).isEqualTo(500);
            assertThat(dead.get("nextAttemptAt")).isNull();
            assertThat(receiver.received()).isEmpty();

            receiver.answer(204);
            Map<?, ?> replayed = a.http().retrieve(HttpRequest.POST("/api/webhooks/" + created.get("id") + "/deliveries/"
                    + dead.get("id") + "/replay", Map.of()), Map.class);
            assertThat(replayed.get("status")).isEqualTo("PENDING");
            await("delivered after the replay", () -> "DELIVERED".equals(delivery(created).get("status")));
            assertThat(receiver.received()).hasSize(1);
            Map<?, ?> audit = a.api().get("/api/audit?entity=webhook-delivery&action=replay", Map.class);
            assertThat((List<?>) audit.get("items")).anySatisfy(e -> assertThat(obj(e))
                    .containsEntry("entityId", String.valueOf(dead.get("id"))).containsEntry("action", "replay").containsEntry("actor", "initial-token"));
            assertThat(a.api().fail(HttpRequest.POST("/api/webhooks/" + created.get("id") + "/deliveries/999999/replay", Map.of()))
                    .status()).isEqualTo(404);
        }
    }

    @Test
    void aRestartMidDelivery_losesNothing_andSendsNothingTwice() {
        try (Receiver receiver = Receiver.start()) {
            receiver.delay(150);
            subscribe(receiver.url("/restart"), List.of("APPROVAL_REQUESTED"), 1);
            long id = a.api().create(contract("WH-RESTART")).id();
            for (int i = 0; i < 30; i++) {
                askApproval(id);
            }
            await("some delivered", () -> !receiver.received().isEmpty());
            cluster.stop(a);
            int beforeRestart = receiver.received().size();
            a = cluster.start();
            for (int i = 0; i < 10; i++) {
                askApproval(id);
            }
            await("all 40", () -> distinctEvents(receiver) == 40);
            assertThat(beforeRestart).isLessThan(40);
            pause(Duration.ofSeconds(1));
            assertThat(receiver.received()).as("each event once").hasSize(40);
        }
    }

    @Test
    void twoInstances_deliverEachEventOnce() {
        try (Receiver receiver = Receiver.start()) {
            receiver.delay(20);
            subscribe(receiver.url("/pair"), List.of("APPROVAL_REQUESTED"), 1);
            Cluster.Instance b = cluster.start();
            try {
                long id = a.api().create(contract("WH-PAIR")).id();
                for (int i = 0; i < 60; i++) {
                    Cluster.Instance via = i % 2 == 0 ? a : b;
                    via.http().exchange(HttpRequest.POST("/api/contracts/" + id + "/approvals",
                            map("decisionMaker", "CFO", "question", "question " + i)));
                }
                await("all 60", () -> distinctEvents(receiver) == 60);
                pause(Duration.ofSeconds(1));
                assertThat(receiver.received()).as("each event once").hasSize(60);
            } finally {
                cluster.stop(b);
            }
        }
    }

    @Test
    void anEventCommittedAfterALaterOne_isDeliveredOnceItCommits_andTheLaterOneDoesNotWaitForIt() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            subscribe(receiver.url("/gap"), List.of("APPROVAL_REQUESTED"), 1);
            long contractId = a.api().create(contract("WH-GAP")).id();
            ChangeLog changes = a.bean(ChangeLog.class);
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> transactions = a.bean(TransactionOperations.class);
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            long lateApproval = 987_654_321L;
            // Takes an event id and holds it uncommitted: a gap in the feed for as long as the transaction is open.
            CompletableFuture<Void> late = CompletableFuture.runAsync(() -> transactions.executeWrite(status -> {
                changes.contract(ChangeType.APPROVAL_REQUESTED, lateApproval, contractId, Map.of("decisionMaker", "CFO"));
                written.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
            try {
                assertThat(written.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                long later = askApproval(contractId);
                await("the later event, while the earlier id is still open", () -> entityIds(receiver).contains(later));
                assertThat(entityIds(receiver)).doesNotContain(lateApproval);
                assertThat(a.bean(FanOut.class).gaps()).as("the open id is waited for").isNotEmpty();
            } finally {
                commit.countDown();
            }
            late.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            await("the event that committed late", () -> entityIds(receiver).contains(lateApproval));
            pause(Duration.ofSeconds(1));
            assertThat(receiver.received()).as("each event once").hasSize(2);
        }
    }

    // --- helpers ---

    private List<Long> entityIds(Receiver receiver) {
        return receiver.received().stream().map(r -> ((Number) body(r).get("entityId")).longValue()).toList();
    }


    private Map<String, Object> subscribe(String url, List<String> events, int minPlaces) {
        @SuppressWarnings("unchecked")
        Map<String, Object> created = a.http().retrieve(HttpRequest.POST("/api/webhooks",
                map("url", url, "events", events, "minPlaces", minPlaces)), Map.class);
        return created;
    }

    private long askApproval(String ref) {
        return askApproval(a.api().create(contract(ref)).id());
    }

    private long askApproval(long contractId) {
        Map<?, ?> approval = a.http().retrieve(HttpRequest.POST("/api/contracts/" + contractId + "/approvals",
                map("decisionMaker", "CFO", "question", "liability cap above 2x")), Map.class);
        return ((Number) approval.get("id")).longValue();
    }

    /** The subscription's one delivery, or an empty map before it is queued. */
    private Map<?, ?> delivery(Map<String, Object> subscription) {
        List<?> rows = (List<?>) a.api().get("/api/webhooks/" + subscription.get("id") + "/deliveries", Map.class).get("deliveries");
        assertThat(rows).hasSizeLessThanOrEqualTo(1);
        return rows.isEmpty() ? Map.of() : (Map<?, ?>) rows.get(0);
    }

    private List<String> types(Receiver receiver) {
        return receiver.received().stream().map(r -> r.header("Docket-Event-Type")).distinct().toList();
    }

    private long distinctEvents(Receiver receiver) {
        return receiver.received().stream().map(r -> r.header("Idempotency-Key")).collect(Collectors.toSet()).size();
    }

    /** An approval request sent after the change under test: once it arrives, anything sent for the earlier change has too. */
    private Marker marker(Receiver receiver) {
        Map<String, Object> sub = subscribe(receiver.url("/marker"), List.of("APPROVAL_REQUESTED"), 1);
        askApproval("WH-MARK-" + sub.get("id"));
        return () -> receiver.received().stream().anyMatch(r -> "APPROVAL_REQUESTED".equals(r.header("Docket-Event-Type")));
    }

    private interface Marker {
        boolean arrived();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Object value) {
        return (Map<String, Object>) value;
    }

    private Map<String, Object> body(Receiver.Received r) {
        try {
            return json.readValue(r.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a receiver computes: HMAC-SHA256 of timestamp + "." + body with the secret, as hex. */
    private static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static void await(String what, BooleanSupplier condition) {
        await(() -> what, condition);
    }

    private static void await(java.util.function.Supplier<String> what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT + " for " + what.get());
            }
            pause(Duration.ofMillis(50));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
