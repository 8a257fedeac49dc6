package dev.docket.explain;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import dev.docket.contract.ContractView;
import dev.docket.facts.Lane;
import dev.docket.ranking.RankedEntry;
import dev.docket.ranking.RankingPage;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import dev.docket.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exact counterfactuals on a small backlog with a fixed clock (Thursday 2026-11-05), computed by hand
 * from the default rules: value 10 x log10(v/1000), expansion 12 x log10(e/1000), 3 points per business
 * day ready, +20 within 14 days of target close, +8 within 30.
 */
@MicronautTest(transactional = false)
class CounterfactualIT extends DatabaseTest {

    @Inject
    TestClock clock;

    ContractView a;
    ContractView b;
    ContractView c;
    ContractView d;

    @BeforeAll
    void backlog() {
        clock.set(TestClock.START);
        emptyBacklog();
        // A: 10,000 (10 points), ready Monday, so 3 business days (9 points) by Thursday: 19. Target close in 35 days.
        a = api.create(other("CF-A", 10_000, "2026-12-10", allGatesPassed()));
        clock.set(TestClock.START.plus(Duration.ofDays(3)));
        rankingService.fresh();
        // B: 1,000,000 (30 points), ready today. C: 100,000 (20 points), pricing not approved.
        b = api.create(other("CF-B", 1_000_000, "2027-06-01", allGatesPassed()));
        Map<String, Boolean> gatesButPricing = new java.util.HashMap<>(allGatesPassed());
        gatesButPricing.put("pricing-approved", false);
        c = api.create(other("CF-C", 100_000, "2027-06-01", gatesButPricing));
        // D: 10,000 (10 points), two gates open.
        Map<String, Boolean> twoOpen = new java.util.HashMap<>(allGatesPassed());
        twoOpen.put("pricing-approved", false);
        twoOpen.put("signatory-known", false);
        d = api.create(other("CF-D", 10_000, "2027-06-01", twoOpen));
    }

    @Test
    void theQueueIsAsComputedByHand() {
        RankingPage ranking = api.get("/api/ranking", RankingPage.class);
        assertThat(ranking.items()).extracting(e -> e.contract().id(), RankedEntry::score)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(b.id(), 30.0), org.assertj.core.groups.Tuple.tuple(a.id(), 19.0),
                        org.assertj.core.groups.Tuple.tuple(c.id(), 20.0), org.assertj.core.groups.Tuple.tuple(d.id(), 10.0));
    }

    @Test
    void theSmallestDateChangeAndExpansionThatMoveADealUp() {
        Counterfactuals what = explain(a).counterfactuals();

        assertThat(what.gates()).isEmpty();
        assertThat(what.inputs()).filteredOn(i -> i.input().equals("targetCloseDate")).singleElement().satisfies(i -> {
            assertThat(i.from()).isEqualTo("2026-12-10");
            assertThat(i.to()).isEqualTo("2026-11-19");
            assertThat(i.rank()).isEqualTo(1);
            assertThat(i.placesGained()).isEqualTo(1);
            assertThat(i.pointsGained()).isEqualTo(20.0);
            assertThat(i.label()).isEqualTo("the target close date");
            assertThat(i.summary()).isEqualTo("Move the target close date from Thu 2026-12-10 to Thu 2026-11-19 and it moves up "
                    + "from #2 to #1 (+20 points).");
        });
        assertThat(what.inputs()).filteredOn(i -> i.input().equals("expansionPotential")).singleElement().satisfies(i -> {
            assertThat(i.from()).isEqualTo("0");
            assertThat(i.to()).isEqualTo("8300");
            assertThat(i.rank()).isEqualTo(1);
            assertThat(i.pointsGained()).isEqualTo(11.03);
            assertThat(i.toText()).isEqualTo("$8,300");
            assertThat(i.summary()).isEqualTo("Give it an expansion estimate of $8,300 a year, if the account can grow that much, "
                    + "and it moves up from #2 to #1 (+11.03 points).");
        });
    }

    @Test
    void waitingPassesTheDealAheadWhenItsCloseDateComesNear() {
        Counterfactuals.TimeEffect time = explain(a).counterfactuals().time();

        assertThat(time.pointsPerBusinessDay()).isEqualTo(3.0);
        // Both gain 3 a day; A gains +8 at 30 days to close and +20 at 14 days, which is Thursday 2026-11-26.
        assertThat(time.passesNextAheadOn()).isEqualTo(LocalDate.parse("2026-11-26"));
        // Legal has three reviewers and two ready deals, so A's review starts today: passing B then changes nothing.
        assertThat(time.reviewStartsOn()).isEqualTo(LocalDate.parse("2026-11-05"));
        assertThat(time.reviewStartsFirst()).isTrue();
        assertThat(time.summary()).isEqualTo("Each business day of waiting adds 3 points, but legal is forecast to start its "
                + "review on Thu 2026-11-05, before it would pass “MSA for CF-B” on Thu 2026-11-26.");
    }

    @Test
    void passingTheMissingGateMovesADealIntoTheReadyLane() {
        Explanation why = explain(c);

        assertThat(why.lane()).isEqualTo(Lane.NOT_READY);
        assertThat(why.counterfactuals().gates()).singleElement().satisfies(g -> {
            assertThat(g.gate()).isEqualTo("pricing-approved");
            assertThat(g.lane()).isEqualTo(Lane.READY);
            assertThat(g.rank()).isEqualTo(2);
            assertThat(g.score()).isEqualTo(20.0);
            assertThat(g.summary()).isEqualTo("If you get pricing approved, it moves to #2 of 4, into the ready lane.");
        });
        assertThat(why.counterfactuals().allGates()).as("one gate open: nothing to combine").isNull();
        assertThat(why.counterfactuals().time().passesNextAheadOn()).isNull();
        assertThat(explain(b).counterfactuals().time().summary())
                .isEqualTo("Each business day of waiting adds 3 points; it is already first in line.");
    }

    @Test
    void twoOpenGatesGetAWhatIfEachAndOneForBoth_andPassingBothLandsWhereItSaid() {
        Counterfactuals what = explain(d).counterfactuals();

        assertThat(what.gates()).extracting(Counterfactuals.GateEffect::summary).containsExactly(
                "If you get pricing approved, it stays at #4 of 4 in the not-ready lane, because the checklist item "
                        + "'signatory known' is still open.",
                "If you name the signatory, it stays at #4 of 4 in the not-ready lane, because the checklist item "
                        + "'pricing approved' is still open.");
        Counterfactuals.GatesTogether both = what.allGates();
        assertThat(both.gates()).containsExactly("pricing-approved", "signatory-known");
        assertThat(both.lane()).isEqualTo(Lane.READY);
        assertThat(both.rank()).isEqualTo(3);
        assertThat(both.score()).isEqualTo(10.0);
        assertThat(both.summary()).isEqualTo("If you get pricing approved and name the signatory, it moves to #3 of 4, "
                + "into the ready lane.");

        setGate(d, "pricing-approved", true);
        setGate(d, "signatory-known", true);
        try {
            Explanation after = explain(d);
            assertThat(after.lane()).isEqualTo(Lane.READY);
            assertThat(after.position()).isEqualTo(both.rank());
            assertThat(after.score()).isEqualTo(both.score());
        } finally {
            setGate(d, "pricing-approved", false);
            setGate(d, "signatory-known", false);
        }
        assertThat(explain(d).position()).isEqualTo(4);
    }

    private void setGate(ContractView contract, String gate, boolean passed) {
        api.exchange(HttpRequest.PUT("/api/contracts/" + contract.id() + "/gates/" + gate, map("passed", passed)),
                Object.class);
    }

    @Test
    void aWithdrawnContractHasNoCounterfactuals() {
        ContractView gone = api.create(other("CF-GONE", 5_000, "2027-01-01", allGatesPassed()));
        api.exchange(HttpRequest.POST("/api/contracts/" + gone.id() + "/withdraw", map("version", gone.version())), ContractView.class);

        Api.Failure failure = api.fail(HttpRequest.GET("/api/contracts/" + gone.id() + "/explanation"));

        assertThat(failure.status()).isEqualTo(409);
        assertThat(failure.problem().detail()).contains("WITHDRAWN");
    }

    private Explanation explain(ContractView contract) {
        return api.get("/api/contracts/" + contract.id() + "/explanation", Explanation.class);
    }

    private static Map<String, Object> other(String ref, int value, String targetClose, Map<String, Boolean> gates) {
        return contract(ref, "contractType", "OTHER", "paper", "OURS", "expansionPotential", null,
                "dealValue", map("amount", value, "currency", "USD"), "targetCloseDate", targetClose, "gates", gates);
    }
}
