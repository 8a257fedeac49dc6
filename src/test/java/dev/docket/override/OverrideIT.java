package dev.docket.override;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.docket.contract.ContractView;
import dev.docket.facts.Contribution;
import dev.docket.facts.Lane;
import dev.docket.explain.Explanation;
import dev.docket.ranking.RankedEntry;
import dev.docket.ranking.RankingPage;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import dev.docket.support.People;
import dev.docket.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Overrides move a contract in the open: the points, reason and people show in the ranking, and they end on their own. */
@MicronautTest(transactional = false)
class OverrideIT extends DatabaseTest {

    static final String REASON = "customer CEO escalated twice this week";

    @Inject
    TestClock clock;

    @Inject
    OverrideExpiryCheck expiryCheck;

    @Inject
    OverrideRepository overrideRepository;

    /** sam.sales asks (legal); head-of-legal and general-counsel approve; lee holds both roles. */
    String sam;
    String headOfLegal;
    String generalCounsel;
    String lee;
    ContractView big;
    ContractView mid;
    ContractView small;

    @BeforeEach
    void setUp() {
        if (sam == null) {
            sam = people.token("sam.sales", "legal");
            headOfLegal = people.token("head-of-legal", "approver");
            generalCounsel = people.token("general-counsel", "approver");
            lee = people.token("lee.both", "legal", "approver");
        }
        clock.set(TestClock.START);
        expiryCheck.check();
        emptyBacklog();
        big = api.create(contract("OV-BIG", "gates", allGatesPassed(), "dealValue", map("amount", 5_000_000, "currency", "USD")));
        mid = api.create(contract("OV-MID", "gates", allGatesPassed(), "dealValue", map("amount", 200_000, "currency", "USD")));
        small = api.create(contract("OV-SMALL", "gates", allGatesPassed(), "dealValue", map("amount", 5_000, "currency", "USD")));
        assertThat(order()).containsExactly(big.id(), mid.id(), small.id());
    }

    @Test
    void aPointsOverrideShowsInTheRankingAndTheExplanationWithItsReasonAndApprover() {
        double before = entry(small.id()).score();

        OverrideView created = create(small.id(), "points", 50, "expiresAt", "2026-11-09T09:00:00Z");

        assertThat(created.state()).isEqualTo(OverrideView.State.ACTIVE);
        assertThat(order()).containsExactly(small.id(), big.id(), mid.id());
        RankedEntry entry = entry(small.id());
        assertThat(entry.score()).isCloseTo(before + 50, org.assertj.core.data.Offset.offset(0.001));
        String reason = "override by head-of-legal at sam.sales's request until 2026-11-09T09:00:00Z: " + REASON;
        assertThat(entry.contributions()).contains(new Contribution("Override", 50.0, reason));
        Explanation why = api.get("/api/contracts/" + small.id() + "/explanation", Explanation.class);
        assertThat(why.position()).isEqualTo(1);
        assertThat(why.contributions()).contains(new Contribution("Override", 50.0, reason));
        assertThat(why.summary()).contains("of them from the rule “Override”: " + reason);
    }

    @Test
    void pinToTopPutsTheLowestScoringContractFirstInItsLane() {
        ContractView notReady = api.create(contract("OV-GATED", "dealValue", map("amount", 10, "currency", "USD")));
        ContractView gatedBig = api.create(contract("OV-GATED-BIG", "dealValue", map("amount", 9_000_000, "currency", "USD")));

        create(small.id(), "pinToTop", true);
        create(notReady.id(), "pinToTop", true);

        assertThat(order()).containsExactly(small.id(), big.id(), mid.id(), notReady.id(), gatedBig.id());
        RankedEntry pinned = entry(small.id());
        assertThat(pinned.rank()).isEqualTo(1);
        assertThat(pinned.lane()).isEqualTo(Lane.READY);
        assertThat(pinned.score()).isLessThan(entry(big.id()).score());
        assertThat(pinned.contributions()).anySatisfy(c -> {
            assertThat(c.rule()).isEqualTo("Override: pin to top");
            assertThat(c.points()).isZero();
            assertThat(c.reason()).contains("head-of-legal").contains("sam.sales").contains(REASON);
        });
        assertThat(entry(notReady.id()).lane()).isEqualTo(Lane.NOT_READY);
        assertThat(entry(notReady.id()).rank()).isEqualTo(4);
    }

    @Test
    void anExpiredOverrideStopsCountingOnceTheExpiryCheckRuns() {
        OverrideView o = create(small.id(), "points", 50, "expiresAt", TestClock.START.plus(Duration.ofHours(2)).toString());
        assertThat(order().get(0)).isEqualTo(small.id());

        clock.advance(Duration.ofHours(3));
        assertThat(order().get(0)).as("the cached ranking still holds the override until the check").isEqualTo(small.id());
        assertThat(expiryCheck.check()).isEqualTo(1);

        assertThat(order()).containsExactly(big.id(), mid.id(), small.id());
        assertThat(entry(small.id()).contributions()).noneSatisfy(c -> assertThat(c.rule()).startsWith("Override"));
        assertThat(api.get("/api/contracts/" + small.id() + "/overrides", OverrideView[].class))
                .singleElement().satisfies(v -> {
                    assertThat(v.id()).isEqualTo(o.id());
                    assertThat(v.state()).isEqualTo(OverrideView.State.EXPIRED);
                });
        assertThat(expiryCheck.check()).as("announced once").isZero();
    }

    @Test
    void aRevokedOverrideStopsCountingAtOnceAndCannotBeRevokedTwice() {
        OverrideView o = create(small.id(), "pinToTop", true);
        assertThat(order().get(0)).isEqualTo(small.id());

        OverrideView revoked = api.exchange(People.as(generalCounsel, HttpRequest.POST("/api/overrides/" + o.id() + "/revoke",
                map("reason", "escalation resolved"))), OverrideView.class).body();

        assertThat(revoked.state()).isEqualTo(OverrideView.State.REVOKED);
        assertThat(revoked.revokedBy()).isEqualTo("general-counsel");
        assertThat(order()).containsExactly(big.id(), mid.id(), small.id());
        Api.Failure again = api.fail(People.as(headOfLegal, HttpRequest.POST("/api/overrides/" + o.id() + "/revoke", map("reason", "again"))));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problem().detail()).contains("already revoked by general-counsel");
        // A new override is allowed once the old one is revoked.
        create(small.id(), "points", -10);
        assertThat(entry(small.id()).contributions()).extracting(Contribution::rule).contains("Override");
    }

    @Test
    void theAskerCannotApproveTheirOwnOverrideAndARequestCountsOnlyOnceApproved() {
        OverrideView asked = api.exchange(People.as(lee, HttpRequest.POST("/api/contracts/" + small.id() + "/overrides",
                body("points", 50))), OverrideView.class).body();
        assertThat(asked.state()).isEqualTo(OverrideView.State.PENDING);
        assertThat(asked.askedBy()).as("the caller, whatever the body says").isEqualTo("lee.both");
        assertThat(asked.approvedBy()).isNull();
        assertThat(order()).as("a request alone changes nothing").containsExactly(big.id(), mid.id(), small.id());

        Api.Failure self = api.fail(People.as(lee, HttpRequest.POST("/api/overrides/" + asked.id() + "/approve", "")));
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.contentType()).isEqualTo("application/problem+json");
        assertThat(self.problem().detail()).contains("'lee.both' asked for override " + asked.id() + " and cannot approve it too");
        Api.Failure notApprover = api.fail(People.as(sam, HttpRequest.POST("/api/overrides/" + asked.id() + "/approve", "")));
        assertThat(notApprover.status()).isEqualTo(403);
        assertThat(order()).containsExactly(big.id(), mid.id(), small.id());

        OverrideView refused = api.exchange(People.as(headOfLegal, HttpRequest.POST("/api/overrides/" + asked.id() + "/refuse",
                map("reason", "not a reason to jump the queue"))), OverrideView.class).body();
        assertThat(refused.state()).isEqualTo(OverrideView.State.REFUSED);
        assertThat(refused.refusedBy()).isEqualTo("head-of-legal");
        assertThat(api.fail(People.as(generalCounsel, HttpRequest.POST("/api/overrides/" + asked.id() + "/approve", ""))).status())
                .as("a refusal is final").isEqualTo(409);
        assertThat(order()).containsExactly(big.id(), mid.id(), small.id());
        assertThat(overrideRepository.findAll()).singleElement().satisfies(o -> assertThat(o.approvedAt()).isNull());
    }

    /** The tests run the expiry check themselves, so the scheduled one must not race them. */
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("docket.overrides.expiry-check", "1h");
    }

    /** A valid override body; tests change just the fields they care about. */
    static Map<String, Object> body(Object... changes) {
        return Api.change(map("reason", REASON, "expiresAt", "2026-11-09T09:00:00Z"), changes);
    }

    /** sam.sales asks, head-of-legal approves: the two acts every override takes. */
    private OverrideView create(long contractId, Object... changes) {
        OverrideView asked = api.exchange(People.as(sam, HttpRequest.POST("/api/contracts/" + contractId + "/overrides", body(changes))),
                OverrideView.class).body();
        return api.exchange(People.as(headOfLegal, HttpRequest.POST("/api/overrides/" + asked.id() + "/approve", "")),
                OverrideView.class).body();
    }

    private List<Long> order() {
        return api.get("/api/ranking?size=500", RankingPage.class).items().stream().map(e -> e.contract().id()).toList();
    }

    private RankedEntry entry(long contractId) {
        return api.get("/api/ranking?size=500", RankingPage.class).items().stream()
                .filter(e -> e.contract().id() == contractId).findFirst().orElseThrow();
    }
}
