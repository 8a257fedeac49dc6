package dev.docket.feed;

import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import dev.docket.contract.ContractView;
import dev.docket.ranking.RankingService;
import dev.docket.support.Cluster;
import dev.docket.support.People;
import dev.docket.support.TestClock;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two Docket instances on one database, as behind a load balancer. Edits of every kind go through either one; each
 * instance applies the other's from the change feed, so both serve the same ranking, explanations and ETags, equal
 * to a full re-rank from the database, and an edit on one shows on the other within a second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {

    private static final List<String> GATES = List.of("commercial-terms-agreed", "pricing-approved",
            "security-review-done", "signatory-known");
    private static final Duration PROPAGATION = Duration.ofSeconds(1);

    private Cluster cluster;
    private Cluster.Instance a;
    private Cluster.Instance b;
    private JsonMapper json;
    /** Approvers other than the runner, who asks: overrides and approvals need a second person to decide. */
    private String cfo;
    private String headOfLegal;
    private String generalCounsel;
    /** The CRM sync, whose exports name it as submittedBy: a body may only name its own caller. */
    private String crm;

    enum Kind { CREATE, VALUE, GATE, STATUS, WITHDRAW, UPSERT, APPROVAL_REQUEST, APPROVAL_DECISION, OVERRIDE, REVOKE, RULES }

    @BeforeAll
    void start() {
        // The bundled CRM sample gives the queue 88 real contracts; the first instance loads it.
        cluster = new Cluster(Map.of("docket.sample.enabled", "true", "docket.rules.watch", "false",
                "docket.feed.stale-after", "1s", "docket.overrides.expiry-check", "200ms"));
        a = cluster.start();
        b = cluster.start();
        json = a.bean(JsonMapper.class);
        People people = a.people();
        cfo = people.token("cfo", List.of("approver"), List.of("CFO"));
        headOfLegal = people.token("head-of-legal", "approver");
        generalCounsel = people.token("general-counsel", "approver");
        crm = people.token("crm", "legal");
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void fiveHundredEditsThroughBothInstances_leaveBothRankingsEqualToEachOtherAndToAFullReRank() throws Exception {
        Random random = new Random(11);
        List<Long> open = new ArrayList<>(ids(page(a)));
        assertThat(open).hasSize(88);
        List<Long> pendingApprovals = new ArrayList<>();
        List<Long> activeOverrides = new ArrayList<>();
        Map<Kind, Integer> done = new EnumMap<>(Kind.class);
        Map<String, Integer> refused = new TreeMap<>();
        int revision = 0;
        for (int i = 0; i < 500; i++) {
            Cluster.Instance via = random.nextBoolean() ? a : b;
            Kind kind = i == 150 || i == 350 ? Kind.RULES : Kind.values()[random.nextInt(Kind.values().length - 1)];
            long id = open.get(random.nextInt(open.size()));
            HttpRequest<?> request = switch (kind) {
                case CREATE -> HttpRequest.POST("/api/contracts", contract("CL-" + i,
                        "gates", map(GATES.get(random.nextInt(4)), random.nextBoolean(), GATES.get(random.nextInt(4)), true),
                        "dealValue", map("amount", 1_000 + random.nextInt(2_000_000), "currency", "USD")));
                case VALUE -> HttpRequest.PATCH("/api/contracts/" + id, map("version", version(via, id),
                        "dealValue", map("amount", 1_000 + random.nextInt(2_000_000), "currency", "EUR")));
                case GATE -> HttpRequest.PUT("/api/contracts/" + id + "/gates/" + GATES.get(random.nextInt(4)),
                        map("passed", random.nextInt(4) > 0));
                case STATUS -> HttpRequest.PATCH("/api/contracts/" + id, map("version", version(via, id),
                        "status", nextStatus(via, id)));
                case WITHDRAW -> HttpRequest.POST("/api/contracts/" + id + "/withdraw", map("version", version(via, id)));
                case UPSERT -> People.as(crm, HttpRequest.PUT("/api/contracts/by-ref/CL-UP-" + random.nextInt(40), contract("CL-UP-x",
                        "externalRef", null, "submittedBy", "crm",
                        "targetCloseDate", "2026-11-" + (10 + random.nextInt(19)),
                        "gates", Map.of(GATES.get(random.nextInt(4)), random.nextBoolean()))));
                case APPROVAL_REQUEST -> HttpRequest.POST("/api/contracts/" + id + "/approvals",
                        map("decisionMaker", "CFO", "question", "liability cap above 2x"));
                case APPROVAL_DECISION -> pendingApprovals.isEmpty() ? null
                        : People.as(cfo, HttpRequest.POST("/api/approvals/" + pendingApprovals.remove(random.nextInt(pendingApprovals.size()))
                        + "/decision", map("decision", random.nextBoolean() ? "APPROVED" : "REJECTED")));
                case OVERRIDE -> HttpRequest.POST("/api/contracts/" + id + "/overrides", random.nextInt(5) == 0
                        ? map("pinToTop", true, "reason", "renewal at risk this quarter",
                        "expiresAt", TestClock.START.plus(Duration.ofDays(7)).toString())
                        : map("points", random.nextInt(81) - 40, "reason", "renewal at risk this quarter",
                        "expiresAt", TestClock.START.plus(Duration.ofDays(7)).toString()));
                case REVOKE -> activeOverrides.isEmpty() ? null
                        : People.as(headOfLegal, HttpRequest.POST("/api/overrides/" + activeOverrides.remove(random.nextInt(activeOverrides.size()))
                        + "/revoke", map("reason", "no longer needed")));
                case RULES -> HttpRequest.POST("/api/rules/activate", map("files", List.of(map("path", "age.drl",
                        "content", ageRule(++revision)))));
            };
            if (request == null) {
                continue;
            }
            HttpResponse<Map> response;
            try {
                response = via.http().exchange(request, Map.class);
            } catch (HttpClientResponseException e) {
                assertThat(e.getStatus().getCode()).as("%s %s answered %s", kind, request.getPath(), e.getResponse().body())
                        .isBetween(400, 499);
                refused.merge(kind + " " + e.getStatus().getCode(), 1, Integer::sum);
                continue;
            }
            done.merge(kind, 1, Integer::sum);
            Map<?, ?> body = response.body();
            switch (kind) {
                case CREATE -> open.add(((Number) body.get("id")).longValue());
                case UPSERT -> {
                    long upserted = ((Number) ((Map<?, ?>) body).get("id")).longValue();
                    if (!open.contains(upserted)) {
                        open.add(upserted);
                    }
                }
                case WITHDRAW -> open.remove(id);
                case APPROVAL_REQUEST -> pendingApprovals.add(((Number) body.get("id")).longValue());
                case OVERRIDE -> {
                    // The runner asked; an approver who did not ask approves it, through the other instance, and only
                    // then does it count.
                    long asked = ((Number) body.get("id")).longValue();
                    Cluster.Instance other = via == a ? b : a;
                    Map<?, ?> approved = other.http().retrieve(People.as(random.nextBoolean() ? headOfLegal : generalCounsel,
                            HttpRequest.POST("/api/overrides/" + asked + "/approve", "")), Map.class);
                    assertThat(approved.get("state")).isEqualTo("ACTIVE");
                    activeOverrides.add(asked);
                }
                default -> { }
            }
        }
        assertThat(done.keySet()).as("every kind of edit succeeded at least once; refused: %s", refused)
                .containsExactlyInAnyOrder(Kind.values());

        // Both instances converge on the same pages and ETags within the propagation target.
        Page onA = await(() -> {
            Page x = page(a);
            Page y = page(b);
            return x.items().equals(y.items()) && x.etag().equals(y.etag()) ? x : null;
        });
        assertThat(onA.ruleVersion()).isEqualTo(a.bean(dev.docket.rules.ActiveRuleSet.class).get().version())
                .isEqualTo(b.bean(dev.docket.rules.ActiveRuleSet.class).get().version());
        assertThat(explanation(a, ids(onA).get(0))).isEqualTo(explanation(b, ids(onA).get(0)));

        // And what they serve is what a full re-rank of the database gives.
        for (Cluster.Instance instance : List.of(a, b)) {
            RankingService rankings = instance.bean(RankingService.class);
            rankings.invalidate();
            rankings.fresh();
            Page reRanked = page(instance);
            assertThat(reRanked.items()).isEqualTo(onA.items());
            assertThat(reRanked.etag()).isEqualTo(onA.etag());
        }
    }

    @Test
    void anEditOnOneInstanceShowsInTheOthersExplanationWithinASecond() {
        List<Long> ids = ids(page(a));
        for (int i = 0; i < 20; i++) {
            Cluster.Instance writer = i % 2 == 0 ? a : b;
            Cluster.Instance reader = writer == a ? b : a;
            long id = ids.get(i);
            writer.http().exchange(HttpRequest.PATCH("/api/contracts/" + id, map("version", version(writer, id),
                    "dealValue", map("amount", 10_000 + 50_000 * i, "currency", "GBP"))), Map.class);
            Object score = explanation(writer, id).get("score");
            long started = System.nanoTime();
            await(() -> score.equals(explanation(reader, id).get("score")) ? true : null);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROPAGATION);
        }
    }

    @Test
    void replayAtAMoment_givesEachInstanceWhatItServedThen_withBothInstancesWriting() {
        TestClock clockA = a.bean(TestClock.class);
        TestClock clockB = b.bean(TestClock.class);
        List<Long> ids = ids(page(a));
        Map<Instant, Map<Cluster.Instance, List<Map<String, Object>>>> served = new java.util.LinkedHashMap<>();
        Instant t = clockA.instant().plusSeconds(60);
        for (int i = 0; i < 8; i++) {
            clockA.set(t);
            clockB.set(t);
            Cluster.Instance writer = i % 2 == 0 ? a : b;
            long id = ids.get(ids.size() - 1 - i);
            writer.http().exchange(HttpRequest.PATCH("/api/contracts/" + id, map("version", version(writer, id),
                    "dealValue", map("amount", 5_000_000 + 100_000 * i, "currency", "USD"))), Map.class);
            await(() -> page(a).items().equals(page(b).items()) ? true : null);
            Instant seen = t.plusSeconds(5);
            clockA.set(seen);
            clockB.set(seen);
            served.put(seen, Map.of(a, replayable(page(a).items()), b, replayable(page(b).items())));
            t = t.plusSeconds(10);
        }
        served.forEach((at, pages) -> pages.forEach((instance, items) -> {
            List<Map<String, Object>> replayed = await(() -> {
                List<Map<String, Object>> r = replayable(replay(instance, at));
                return r.equals(items) ? r : null;
            }, Duration.ofSeconds(5));
            assertThat(replayed).hasSameSizeAs(items);
        }));
    }

    @Test
    void anOverrideExpiringIsRecordedOnce_andLeavesBothRankings() throws Exception {
        TestClock clockA = a.bean(TestClock.class);
        TestClock clockB = b.bean(TestClock.class);
        Instant now = clockA.instant();
        long id = ids(page(a)).get(5);
        for (Map<?, ?> existing : a.http().retrieve(HttpRequest.GET("/api/contracts/" + id + "/overrides"), Map[].class)) {
            if ("ACTIVE".equals(existing.get("state"))) {
                a.http().exchange(People.as(headOfLegal, HttpRequest.POST("/api/overrides/" + existing.get("id") + "/revoke",
                        map("reason", "clearing the way"))), Map.class);
            }
        }
        Map<?, ?> override = a.http().retrieve(HttpRequest.POST("/api/contracts/" + id + "/overrides",
                map("pinToTop", true, "reason", "board asked for this one", "expiresAt", now.plusSeconds(30).toString())), Map.class);
        b.http().retrieve(People.as(headOfLegal, HttpRequest.POST("/api/overrides/" + override.get("id") + "/approve", "")), Map.class);
        await(() -> explanation(b, id).get("contributions").toString().contains("Override: pin to top") ? true : null);

        clockA.set(now.plusSeconds(60));
        clockB.set(now.plusSeconds(60));
        // The expiry check runs every 200 ms here, on whichever instance holds the lock; the other reads the feed.
        await(() -> !explanation(a, id).get("contributions").toString().contains("Override")
                && !explanation(b, id).get("contributions").toString().contains("Override") ? true : null, Duration.ofSeconds(3));
        Thread.sleep(1_000);
        try (Connection c = cluster.connect(); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT COUNT(*) FROM change_event WHERE type = 'OVERRIDE_EXPIRED' AND entity_id = "
                     + override.get("id"))) {
            r.next();
            assertThat(r.getInt(1)).as("one event for the expiry, whichever instance noticed it").isEqualTo(1);
        }
    }

    @Test
    void whileTheFeedCannotBeRead_readsAreServedFromMemoryAndMarkedStale_untilItCanAgain() throws Exception {
        Map<String, Object> healthy = health(b);
        assertThat(healthy.get("status")).isEqualTo("UP");
        rename("change_event", "change_event_away");
        try {
            HttpResponse<String> ranking = await(() -> {
                HttpResponse<String> r = b.http().exchange(HttpRequest.GET("/api/ranking?size=5"), String.class);
                return r.header(ChangeFeed.STALE_HEADER) != null ? r : null;
            }, Duration.ofSeconds(5));
            assertThat(ranking.code()).isEqualTo(200);
            assertThat(json.readValue(ranking.body(), Map.class).get("stale")).isEqualTo(true);
            long id = ids(page(b)).get(0);
            HttpResponse<Map> explained = b.http().exchange(HttpRequest.GET("/api/contracts/" + id + "/explanation"), Map.class);
            assertThat(explained.header(ChangeFeed.STALE_HEADER)).isEqualTo("true");
            assertThat(explained.body().get("stale")).isEqualTo(true);
            Map<?, ?> feed = (Map<?, ?>) ((Map<?, ?>) health(b).get("details")).get("changeFeed");
            assertThat(feed.get("status")).isEqualTo("STALE");
            assertThat(((Number) ((Map<?, ?>) feed.get("details")).get("lagMillis")).longValue()).isGreaterThan(1_000);
        } finally {
            rename("change_event_away", "change_event");
        }
        HttpResponse<String> recovered = await(() -> {
            HttpResponse<String> r = b.http().exchange(HttpRequest.GET("/api/ranking?size=5"), String.class);
            return r.header(ChangeFeed.STALE_HEADER) == null ? r : null;
        }, Duration.ofSeconds(5));
        assertThat(json.readValue(recovered.body(), Map.class).get("stale")).isEqualTo(false);
    }

    private Map<String, Object> health(Cluster.Instance instance) {
        try {
            return instance.http().retrieve(HttpRequest.GET("/health"), Map.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse().getBody(Map.class).orElseThrow();
        }
    }

    private void rename(String from, String to) throws SQLException {
        try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + from + " RENAME TO " + to);
        }
    }

    record Page(String etag, String ruleVersion, List<Map<String, Object>> items) {
    }

    @SuppressWarnings("unchecked")
    private Page page(Cluster.Instance instance) {
        HttpResponse<String> r = instance.http().exchange(HttpRequest.GET("/api/ranking?size=500"), String.class);
        try {
            Map<String, Object> body = json.readValue(r.body(), Map.class);
            return new Page(r.header(HttpHeaders.ETAG), (String) body.get("ruleVersion"), (List<Map<String, Object>>) body.get("items"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> replay(Cluster.Instance instance, Instant at) {
        String body = instance.http().retrieve(HttpRequest.GET("/api/ranking?size=500&at=" + at), String.class);
        try {
            return (List<Map<String, Object>>) json.readValue(body, Map.class).get("items");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** What a replay restores of an entry: the forecast is computed for the day it is read, so it is left out. */
    private static List<Map<String, Object>> replayable(List<Map<String, Object>> items) {
        return items.stream().map(e -> {
            Map<String, Object> copy = new HashMap<>(e);
            copy.remove("forecast");
            return (Map<String, Object>) copy;
        }).toList();
    }

    private static List<Long> ids(Page page) {
        return page.items().stream().map(e -> ((Number) ((Map<?, ?>) e.get("contract")).get("id")).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> explanation(Cluster.Instance instance, long id) {
        Map<String, Object> body = new HashMap<>(instance.http().retrieve(HttpRequest.GET("/api/contracts/" + id + "/explanation"), Map.class));
        body.remove("computedAt");
        return body;
    }

    private static long version(Cluster.Instance via, long id) {
        return ((Number) via.http().retrieve(HttpRequest.GET("/api/contracts/" + id), Map.class).get("version")).longValue();
    }

    private static String nextStatus(Cluster.Instance via, long id) {
        String status = (String) via.http().retrieve(HttpRequest.GET("/api/contracts/" + id), Map.class).get("status");
        return switch (status) {
            case "SUBMITTED", "WAITING_ON_SALES" -> "IN_REVIEW";
            default -> "WAITING_ON_SALES";
        };
    }

    /** The live age rule with a new comment: a new version that every scenario in rules/tests still passes. */
    private static String ageRule(int revision) {
        try {
            return "// revision " + revision + "\n" + java.nio.file.Files.readString(java.nio.file.Path.of("rules/age.drl"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static <T> T await(Supplier<T> condition) {
        return await(condition, PROPAGATION);
    }

    private static <T> T await(Supplier<T> condition, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            T result = condition.get();
            if (result != null) {
                return result;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + within);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
