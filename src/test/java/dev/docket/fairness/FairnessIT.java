package dev.docket.fairness;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.docket.contract.ContractView;
import dev.docket.contract.FlaggedEdit;
import dev.docket.explain.Explanation;
import dev.docket.ranking.RankingPage;
import dev.docket.support.DatabaseTest;
import dev.docket.support.People;
import dev.docket.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fairness report on a small known history, and edits to points-earning fields flagged in the explanation.
 * Four ready contracts, all created Monday 2026-11-02 09:00, so age and expansion points are equal and only
 * deal value and overrides separate them.
 */
@MicronautTest(transactional = false)
class FairnessIT extends DatabaseTest {

    static final Instant WEEK_2 = Instant.parse("2026-11-09T10:00:00Z");

    @Inject
    TestClock clock;

    /** One token per person in the story: askers and editors hold legal, approvers approver. */
    final Map<String, String> tokens = new java.util.HashMap<>();
    ContractView annBig;
    ContractView annSmall;
    ContractView bobMid;
    ContractView bobTiny;

    @BeforeEach
    void setUp() {
        if (tokens.isEmpty()) {
            for (String name : List.of("ann", "bob", "crm-sync")) {
                tokens.put(name, people.token(name, "legal"));
            }
            for (String name : List.of("head-of-legal", "general-counsel")) {
                tokens.put(name, people.token(name, "approver"));
            }
        }
        clock.set(TestClock.START);
        emptyBacklog();
        annBig = create("FR-1", "Ann", "East", 5_000_000);
        annSmall = create("FR-2", "Ann", "East", 10_000);
        bobMid = create("FR-3", "Bob", "West", 100_000);
        bobTiny = create("FR-4", "Bob", "West", 1_000);
    }

    @Test
    void reportCountsOverridesByPersonOwnerTeamAndWeekAndEditsByOwner() {
        override(annSmall.id(), "ann", "head-of-legal", 30, null, Duration.ofDays(20));
        clock.set(WEEK_2);
        override(bobTiny.id(), "bob", "general-counsel", 10, null, Duration.ofDays(1));
        override(bobMid.id(), "ann", "head-of-legal", null, true, Duration.ofDays(10));
        // Ranking now: bobMid (pinned), annSmall (10 + 30), annBig (37), bobTiny (0 + 10).
        patchDealValue(bobTiny, 2_000_000, "bob");
        clock.set(Instant.parse("2026-11-11T09:00:00Z"));
        rankingService.fresh();

        FairnessReport r = api.get("/api/reports/fairness?from=2026-11-02&to=2026-11-15", FairnessReport.class);

        assertThat(r.from()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(r.overall()).isEqualTo(new FairnessReport.Group("all", 2, 3, 1, 20.0));
        assertThat(r.byAsker()).containsExactly(
                new FairnessReport.Group("ann", 2, 2, 1, 30.0),
                new FairnessReport.Group("bob", 0, 1, 0, 10.0));
        assertThat(r.byApprover()).containsExactly(
                new FairnessReport.Group("head-of-legal", 2, 2, 1, 30.0),
                new FairnessReport.Group("general-counsel", 0, 1, 0, 10.0));
        assertThat(r.byOwner()).containsExactly(
                new FairnessReport.Group("Bob", 1, 2, 1, 10.0),
                new FairnessReport.Group("Ann", 1, 1, 0, 30.0));
        assertThat(r.byTeam()).containsExactly(
                new FairnessReport.Group("West", 1, 2, 1, 10.0),
                new FairnessReport.Group("East", 1, 1, 0, 30.0));
        assertThat(r.top10().size()).isEqualTo(4);
        assertThat(r.top10().overridden()).isEqualTo(2);
        assertThat(r.top10().share()).isEqualTo(0.5);
        assertThat(r.top10().overriddenContractIds()).containsExactlyInAnyOrder(annSmall.id(), bobMid.id());
        assertThat(r.weeks()).containsExactly(
                new FairnessReport.Week(LocalDate.of(2026, 11, 2), 1, 0, 30.0),
                new FairnessReport.Week(LocalDate.of(2026, 11, 9), 2, 1, 10.0));
        assertThat(r.gamedFieldEdits()).containsExactly(new FairnessReport.OwnerEdits("Bob", 1, 2));

        FairnessReport firstWeek = api.get("/api/reports/fairness?from=2026-11-02&to=2026-11-08", FairnessReport.class);
        assertThat(firstWeek.overall()).isEqualTo(new FairnessReport.Group("all", 2, 1, 0, 30.0));
        assertThat(firstWeek.weeks()).hasSize(1);
        assertThat(firstWeek.gamedFieldEdits()).isEmpty();
    }

    @Test
    void aRefusedRequestCountsForItsAskerAndItsRefuserButNotAsAnOverride() {
        Map<String, Object> body = map("points", 20, "reason", "strategic account, board-level escalation",
                "expiresAt", clock.instant().plus(Duration.ofDays(5)).toString());
        dev.docket.override.OverrideView asked = api.exchange(People.as(tokens.get("bob"),
                HttpRequest.POST("/api/contracts/" + bobTiny.id() + "/overrides", body)), dev.docket.override.OverrideView.class).body();
        api.exchange(People.as(tokens.get("general-counsel"), HttpRequest.POST("/api/overrides/" + asked.id() + "/refuse",
                map("reason", "not a reason to move the queue"))), dev.docket.override.OverrideView.class);

        FairnessReport r = api.get("/api/reports/fairness?from=2026-11-02&to=2026-11-08", FairnessReport.class);
        assertThat(r.byAsker()).containsExactly(new FairnessReport.Group("bob", 0, 1, 0, 20.0));
        assertThat(r.byRefuser()).containsExactly(new FairnessReport.Group("general-counsel", 0, 1, 0, 20.0));
        assertThat(r.byApprover()).isEmpty();
        assertThat(r.overall()).isEqualTo(new FairnessReport.Group("all", 0, 0, 0, null));
        assertThat(r.top10().overridden()).isZero();
    }

    @Test
    void anEditToDealValueIsFlaggedInTheExplanationWithThePlacesItGained() {
        assertThat(rank(bobTiny.id())).isEqualTo(4);
        clock.set(WEEK_2);

        patchDealValue(bobTiny, 2_000_000, "bob");

        Explanation why = api.get("/api/contracts/" + bobTiny.id() + "/explanation", Explanation.class);
        assertThat(why.position()).isEqualTo(2);
        assertThat(why.flaggedEdits()).containsExactly(
                new FlaggedEdit("dealValue", "1000.00 USD", "2000000.00 USD", "bob", WEEK_2, 2));
        assertThat(api.get("/api/contracts/" + annBig.id() + "/explanation", Explanation.class).flaggedEdits()).isEmpty();
    }

    @Test
    void anUpsertRecordsItsSubmitterAndAnEditRecordsItsCaller() {
        clock.set(WEEK_2);
        api.exchange(People.as(tokens.get("crm-sync"), HttpRequest.PUT("/api/contracts/by-ref/FR-3", contract("FR-3", "owner", "Bob", "team", "West",
                "gates", allGatesPassed(), "submittedBy", "crm-sync",
                "dealValue", map("amount", 100_000, "currency", "USD"),
                "expansionPotential", map("amount", 900_000, "currency", "EUR")))), ContractView.class);
        ContractView current = api.get("/api/contracts/" + annSmall.id(), ContractView.class);
        api.exchange(HttpRequest.PATCH("/api/contracts/" + annSmall.id(),
                map("version", current.version(), "title", "Renamed only")), ContractView.class);
        api.exchange(HttpRequest.PATCH("/api/contracts/" + annSmall.id(), map("version", current.version() + 1,
                "dealValue", map("amount", 10_000.00, "currency", "USD"), "expansionPotential", map("amount", 0, "currency", "USD"))),
                ContractView.class);

        assertThat(api.get("/api/contracts/" + bobMid.id() + "/explanation", Explanation.class).flaggedEdits())
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("expansionPotential");
                    assertThat(e.oldValue()).isEqualTo("120000.00 USD");
                    assertThat(e.newValue()).isEqualTo("900000.00 EUR");
                    assertThat(e.changedBy()).isEqualTo("crm-sync");
                });
        assertThat(api.get("/api/contracts/" + annSmall.id() + "/explanation", Explanation.class).flaggedEdits())
                .as("the same deal value in another scale is no change; the expansion edit is")
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("expansionPotential");
                    assertThat(e.changedBy()).as("the caller, never 'unknown'").isEqualTo("initial-token");
                    assertThat(e.placesGained()).isNotNull();
                });
    }

    private ContractView create(String ref, String owner, String team, int dealValue) {
        return api.create(contract(ref, "owner", owner, "team", team, "gates", allGatesPassed(),
                "dealValue", map("amount", dealValue, "currency", "USD")));
    }

    private void override(long contractId, String askedBy, String approvedBy, Integer points, Boolean pin, Duration lasts) {
        Map<String, Object> body = map("reason", "strategic account, board-level escalation",
                "expiresAt", clock.instant().plus(lasts).toString());
        if (points != null) {
            body.put("points", points);
        }
        if (pin != null) {
            body.put("pinToTop", pin);
        }
        dev.docket.override.OverrideView asked = api.exchange(People.as(tokens.get(askedBy),
                HttpRequest.POST("/api/contracts/" + contractId + "/overrides", body)), dev.docket.override.OverrideView.class).body();
        api.exchange(People.as(tokens.get(approvedBy), HttpRequest.POST("/api/overrides/" + asked.id() + "/approve", "")),
                dev.docket.override.OverrideView.class);
    }

    private void patchDealValue(ContractView c, int amount, String by) {
        long version = api.get("/api/contracts/" + c.id(), ContractView.class).version();
        api.exchange(People.as(tokens.get(by), HttpRequest.PATCH("/api/contracts/" + c.id(), map("version", version,
                "dealValue", map("amount", amount, "currency", "USD")))), ContractView.class);
    }

    private int rank(long contractId) {
        List<dev.docket.ranking.RankedEntry> items = api.get("/api/ranking?size=500", RankingPage.class).items();
        return items.stream().filter(e -> e.contract().id() == contractId).findFirst().orElseThrow().rank();
    }
}
