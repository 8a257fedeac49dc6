package dev.docket.history;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.docket.rules.source.RuleSource;
import dev.docket.contract.ContractView;
import dev.docket.ranking.RankedEntry;
import dev.docket.ranking.RankingPage;
import dev.docket.rules.ActiveRuleSet;
import dev.docket.rules.version.RuleVersion;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import dev.docket.support.People;
import dev.docket.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Rank history answers "why did my deal move?", and a replay of any past moment equals what was served then. */
@MicronautTest(transactional = false)
class HistoryIT extends DatabaseTest {

    @Inject
    TestClock clock;

    @Inject
    RankHistoryRecorder recorder;

    @Inject
    ActiveRuleSet rules;

    @Test
    void historyNamesEveryCauseAndReplayEqualsWhatWasServed() {
        clock.set(TestClock.START);
        emptyBacklog();
        Instant beforeAnything = TestClock.START.minus(Duration.ofDays(400));

        ContractView a = api.create(other("H-A", 100_000, allGatesPassed()));
        ContractView b = api.create(other("H-B", 10_000, allGatesPassed()));
        Map<String, Boolean> noPricing = new java.util.HashMap<>(allGatesPassed());
        noPricing.put("pricing-approved", false);
        ContractView c = api.create(other("H-C", 50_000, noPricing));
        tick();
        Instant t1 = clock.instant();
        RankingPage served1 = api.get("/api/ranking", RankingPage.class);

        tick();
        api.exchange(HttpRequest.PUT("/api/contracts/" + c.id() + "/gates/pricing-approved",
                map("passed", true)), ContractView.class);
        tick();
        api.exchange(HttpRequest.PATCH("/api/contracts/" + b.id(), map("version", b.version(),
                "dealValue", map("amount", 10_000_000, "currency", "USD"))), ContractView.class);
        tick();
        ContractView cNow = api.get("/api/contracts/" + c.id(), ContractView.class);
        api.exchange(HttpRequest.PATCH("/api/contracts/" + c.id(), map("version", cNow.version(), "status", "WAITING_ON_SALES")),
                ContractView.class);
        tick();
        Instant t2 = clock.instant();
        RankingPage served2 = api.get("/api/ranking", RankingPage.class);

        tick();
        api.exchange(HttpRequest.POST("/api/contracts/" + a.id() + "/withdraw", map("version", a.version())), ContractView.class);
        clock.advance(Duration.ofDays(1));
        rankingService.fresh();
        List<RuleSource> reworded = rules.get().sources().stream()
                .map(s -> s.path().equals("value.drl") ? new RuleSource(s.path(), s.text().replace("up to 40 points", "40 points at most")) : s)
                .toList();
        assertThat(rules.activate(reworded, RuleVersion.Source.API, "test").ok()).isTrue();
        rankingService.fresh();
        recorder.flush();

        assertThat(entries(api.get("/api/ranking?at=" + t1, RankingPage.class))).isEqualTo(entries(served1));
        assertThat(entries(api.get("/api/ranking?at=" + t2, RankingPage.class))).isEqualTo(entries(served2));
        assertThat(api.get("/api/ranking?at=" + t2, RankingPage.class).ruleVersion()).isEqualTo(served2.ruleVersion());

        List<HistoryPoint> ofB = history(api, b);
        assertThat(ofB).extracting(HistoryPoint::cause).contains("FIELD_EDIT");
        assertThat(ofB).filteredOn(p -> p.cause().equals("FIELD_EDIT")).first()
                .satisfies(p -> assertThat(p.detail()).contains("deal value 10,000 -> 10,000,000"));
        // C (17 points) passed its gate and went ahead of B (10) before B's edit.
        assertThat(ofB).extracting(HistoryPoint::cause).containsSubsequence("ARRIVED", "OTHER_AHEAD", "FIELD_EDIT");

        List<HistoryPoint> ofA = history(api, a);
        assertThat(ofA).extracting(HistoryPoint::cause).contains("OTHER_AHEAD", "LEFT");
        assertThat(ofA).filteredOn(p -> p.cause().equals("OTHER_AHEAD")).extracting(HistoryPoint::detail)
                .anySatisfy(d -> assertThat(d).contains("H-B").contains("deal value"));
        assertThat(ofA.get(ofA.size() - 1).rank()).isNull();

        List<HistoryPoint> ofC = history(api, c);
        // Parked with sales behind B and A, C moves up one place when A is withdrawn.
        assertThat(ofC).extracting(HistoryPoint::cause).containsSubsequence("ARRIVED", "GATE", "STATUS", "OTHER_LEFT");
        assertThat(ofC).filteredOn(p -> p.cause().equals("GATE")).first()
                .satisfies(p -> assertThat(p.detail()).isEqualTo("gate 'pricing-approved' passed"));

        assertThat(api.fail(HttpRequest.GET("/api/ranking?at=" + beforeAnything)).status()).isEqualTo(404);
        Api.Failure tooEarly = api.fail(HttpRequest.GET("/api/contracts/" + b.id() + "/history?from=" + beforeAnything));
        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(tooEarly.problem().detail()).contains("its history starts then");
    }

    @Test
    void timePassingAndNewRulesShowAsCausesWhenTheyMoveADeal() {
        clock.set(TestClock.START.plus(Duration.ofDays(30)));
        emptyBacklog();
        // Y leads on value today; X's close date enters the 14-day band tomorrow and passes it.
        ContractView x = api.create(other("T-X", 10_000, allGatesPassed(), "targetCloseDate", clock.instant().plus(Duration.ofDays(15)).toString().substring(0, 10)));
        ContractView y = api.create(other("T-Y", 500_000, allGatesPassed()));
        clock.advance(Duration.ofDays(1));
        rankingService.fresh();
        recorder.flush();

        List<HistoryPoint> ofX = history(api, x);
        assertThat(ofX).filteredOn(p -> p.cause().equals("TIME")).singleElement()
                .satisfies(p -> assertThat(p.rank()).isEqualTo(1));
        assertThat(history(api, y)).extracting(HistoryPoint::cause).contains("TIME");
    }

    @Test
    void approvalsOverridesAndNewRulesShowAsCausesWhenTheyMoveADeal() {
        clock.set(TestClock.START.plus(Duration.ofDays(60)));
        emptyBacklog();
        // P: 100,000 (20 points) leads Q: 50,000 (16.99).
        ContractView p = api.create(other("AO-P", 100_000, allGatesPassed()));
        ContractView q = api.create(other("AO-Q", 50_000, allGatesPassed()));
        tick();
        // A pending approval holds P back; deciding it lets P lead again.
        dev.docket.approval.ApprovalView hold = api.exchange(HttpRequest.POST("/api/contracts/" + p.id() + "/approvals",
                map("decisionMaker", "CFO", "question", "liability cap above 2x fees")),
                dev.docket.approval.ApprovalView.class).body();
        tick();
        String cfo = people.token("cfo", List.of("approver"), List.of("CFO"));
        api.exchange(People.as(cfo, HttpRequest.POST("/api/approvals/" + hold.id() + "/decision",
                map("decision", "APPROVED", "comment", "fine for this account"))), String.class);
        tick();
        // A +10 override lifts Q (26.99) above P (20).
        Map<?, ?> asked = api.exchange(HttpRequest.POST("/api/contracts/" + q.id() + "/overrides", map("points", 10,
                "reason", "strategic logo the CEO committed to this quarter",
                "expiresAt", clock.instant().plus(Duration.ofDays(7)).toString())), Map.class).body();
        api.exchange(People.as(people.token("head-of-legal", "approver"),
                HttpRequest.POST("/api/overrides/" + asked.get("id") + "/approve", "")), String.class);
        tick();
        // A policy that weighs value four times as much puts P (80) back in front of Q (67.96 + 10).
        List<RuleSource> valueFirst = rules.get().sources().stream()
                .filter(s -> s.kind() != RuleSource.Kind.SCENARIO)
                .map(s -> !s.path().equals("value.drl") ? s : new RuleSource(s.path(), s.text()
                        .replace("Math.min(40.0, 10.0 * Math.log10", "Math.min(160.0, 40.0 * Math.log10")))
                .toList();
        assertThat(rules.activate(valueFirst, RuleVersion.Source.API, "test").ok()).isTrue();
        rankingService.fresh();
        recorder.flush();

        assertThat(history(api, p)).extracting(HistoryPoint::cause)
                .containsSubsequence("ARRIVED", "APPROVAL", "APPROVAL", "OTHER_AHEAD", "RULE_VERSION");
        assertThat(history(api, q)).extracting(HistoryPoint::cause)
                .containsSubsequence("ARRIVED", "OTHER_LEFT", "OTHER_AHEAD", "OVERRIDE", "RULE_VERSION");
        assertThat(history(api, q)).filteredOn(h -> h.cause().equals("OVERRIDE")).singleElement()
                .satisfies(h -> assertThat(h.detail()).contains("strategic logo").contains("head-of-legal"));
    }

    private List<HistoryPoint> history(Api api, ContractView contract) {
        return List.of(api.get("/api/contracts/" + contract.id() + "/history", HistoryController.ContractRankHistory.class)
                .changes().toArray(HistoryPoint[]::new));
    }

    private static List<String> entries(RankingPage page) {
        return page.items().stream().map(HistoryIT::row).toList();
    }

    private static String row(RankedEntry e) {
        return e.rank() + ":" + e.contract().id() + ":" + e.lane() + ":" + e.score() + ":" + e.contributions() + ":" + e.blockers();
    }

    private void tick() {
        clock.advance(Duration.ofMinutes(10));
    }

    private static Map<String, Object> other(String ref, int value, Map<String, Boolean> gates, Object... more) {
        Object[] fields = new Object[8 + more.length];
        Object[] base = {"contractType", "OTHER", "dealValue", map("amount", value, "currency", "USD"), "gates", gates,
                "targetCloseDate", "2027-06-01"};
        System.arraycopy(base, 0, fields, 0, 8);
        System.arraycopy(more, 0, fields, 8, more.length);
        return contract(ref, fields);
    }
}
