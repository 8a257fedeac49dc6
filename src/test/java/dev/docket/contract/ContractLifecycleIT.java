package dev.docket.contract;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import dev.docket.facts.Lane;
import dev.docket.explain.Explanation;
import dev.docket.ranking.RankingPage;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import dev.docket.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ContractLifecycleIT extends DatabaseTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestClock clock;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client.toBlocking());
        clock.set(TestClock.START);
        emptyBacklog();
    }

    @Test
    void createRankExplain() {
        ContractView older = api.create(contract("LC-1", "gates", allGatesPassed()));
        clock.advance(Duration.ofDays(2));
        ContractView newer = api.create(contract("LC-2", "gates", allGatesPassed()));
        ContractView blocked = api.create(contract("LC-3", "dealValue", map("amount", 5_000_000, "currency", "EUR")));
        clock.advance(Duration.ofDays(7));
        // A new day re-ranks everything in the background; wait for it rather than read yesterday's ranking.
        rankingService.fresh();

        RankingPage ranking = api.get("/api/ranking", RankingPage.class);

        assertThat(ranking.total()).isEqualTo(3);
        assertThat(ranking.ready()).isEqualTo(2);
        assertThat(ranking.ruleVersion()).hasSize(12);
        assertThat(ranking.items()).extracting(e -> e.contract().id())
                .containsExactly(older.id(), newer.id(), blocked.id());
        var first = ranking.items().get(0);
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.lane()).isEqualTo(Lane.READY);
        assertThat(first.contributions()).extracting(c -> c.rule()).contains("First in, first out", "Deal value");
        assertThat(first.contributions().stream().mapToDouble(c -> c.points()).sum()).isCloseTo(first.score(), org.assertj.core.data.Offset.offset(0.01));
        var last = ranking.items().get(2);
        assertThat(last.lane()).isEqualTo(Lane.NOT_READY);
        assertThat(last.blockingGates()).containsExactly("commercial-terms-agreed", "pricing-approved",
                "security-review-done", "signatory-known");

        Explanation why = api.get("/api/contracts/" + newer.id() + "/explanation", Explanation.class);

        assertThat(why.position()).isEqualTo(2);
        assertThat(why.of()).isEqualTo(3);
        assertThat(why.lane()).isEqualTo(Lane.READY);
        assertThat(why.ahead().contractId()).isEqualTo(older.id());
        assertThat(why.ahead().gap()).isEqualTo(Math.round((why.ahead().score() - why.score()) * 100) / 100.0);
        assertThat(why.behind().contractId()).isEqualTo(blocked.id());
        assertThat(why.gates()).hasSize(4).allMatch(ContractView.GateView::passed);
        assertThat(why.summary()).contains("#2 of 3").contains("behind #1");
        assertThat(why.ruleVersion()).isEqualTo(ranking.ruleVersion());
    }

    @Test
    void readySinceStartsWhenTheLastRequiredGatePassesAndRestartsAfterAReopen() {
        ContractView c = api.create(contract("LC-10", "contractType", "NDA"));
        assertThat(c.ready()).isFalse();
        assertThat(c.missingGates()).containsExactly("signatory-known");
        assertThat(c.readySince()).isNull();

        clock.advance(Duration.ofHours(1));
        ContractView ready = setGate(c.id(), "signatory-known", true);
        assertThat(ready.ready()).isTrue();
        assertThat(ready.readySince()).isEqualTo(clock.instant());
        assertThat(ready.gates()).singleElement().satisfies(g -> {
            assertThat(g.changedBy()).as("the authenticated caller, not a name in the body").isEqualTo("initial-token");
            assertThat(g.changedAt()).isEqualTo(clock.instant());
        });

        clock.advance(Duration.ofDays(1));
        assertThat(setGate(c.id(), "signatory-known", false).readySince()).isNull();
        clock.advance(Duration.ofDays(1));
        assertThat(setGate(c.id(), "signatory-known", true).readySince()).isEqualTo(clock.instant());
    }

    @Test
    void aStaleVersionGets409AndChangesNothing() {
        ContractView c = api.create(contract("LC-20"));
        ContractView edited = api.exchange(HttpRequest.PATCH("/api/contracts/" + c.id(),
                map("version", c.version(), "title", "Renamed")), ContractView.class).body();
        assertThat(edited.version()).isEqualTo(c.version() + 1);

        Api.Failure stale = api.fail(HttpRequest.PATCH("/api/contracts/" + c.id(),
                map("version", c.version(), "title", "Lost update")));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).isEqualTo("application/problem+json");
        assertThat(stale.problem().errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("version"));
        assertThat(stale.problem().detail()).contains("version " + edited.version());
        assertThat(api.get("/api/contracts/" + c.id(), ContractView.class).title()).isEqualTo("Renamed");
    }

    @Test
    void withdrawnContractsLeaveTheQueue() {
        ContractView c = api.create(contract("LC-30", "gates", allGatesPassed()));
        assertThat(api.get("/api/ranking", RankingPage.class).items()).extracting(e -> e.contract().id()).contains(c.id());

        ContractView withdrawn = api.exchange(HttpRequest.POST("/api/contracts/" + c.id() + "/withdraw",
                map("version", c.version())), ContractView.class).body();

        assertThat(withdrawn.status()).isEqualTo(ContractStatus.WITHDRAWN);
        assertThat(api.get("/api/ranking", RankingPage.class).items()).extracting(e -> e.contract().id()).doesNotContain(c.id());
        Api.Failure explain = api.fail(HttpRequest.GET("/api/contracts/" + c.id() + "/explanation"));
        assertThat(explain.status()).isEqualTo(409);
        assertThat(explain.problem().detail()).contains("WITHDRAWN");
    }

    @Test
    void upsertByExternalReferenceCreatesThenUpdates() {
        HttpResponse<ContractView> created = api.exchange(HttpRequest.PUT("/api/contracts/by-ref/CRM-77",
                contract("CRM-77", "externalRef", null)), ContractView.class);
        assertThat(created.code()).isEqualTo(201);

        HttpResponse<ContractView> updated = api.exchange(HttpRequest.PUT("/api/contracts/by-ref/CRM-77",
                contract("CRM-77", "title", "MSA, renegotiated", "gates", Map.of("pricing-approved", true))), ContractView.class);

        assertThat(updated.code()).isEqualTo(200);
        assertThat(updated.body().id()).isEqualTo(created.body().id());
        assertThat(updated.body().title()).isEqualTo("MSA, renegotiated");
        assertThat(updated.body().missingGates()).doesNotContain("pricing-approved");
    }

    @Test
    void listFiltersByStatusOwnerTeamAndReadinessAndPages() {
        api.create(contract("LS-1", "owner", "Ann", "team", "East", "gates", allGatesPassed()));
        api.create(contract("LS-2", "owner", "Ann", "team", "West"));
        api.create(contract("LS-3", "owner", "Bob", "team", "East", "gates", allGatesPassed()));

        assertThat(api.get("/api/contracts?owner=Ann", ContractPage.class).totalItems()).isEqualTo(2);
        assertThat(api.get("/api/contracts?team=East&ready=true", ContractPage.class).items())
                .extracting(ContractView::externalRef).containsExactlyInAnyOrder("LS-1", "LS-3");
        assertThat(api.get("/api/contracts?owner=Ann&ready=false", ContractPage.class).items())
                .extracting(ContractView::externalRef).containsExactly("LS-2");
        ContractPage page = api.get("/api/contracts?status=SUBMITTED&page=1&size=1&owner=Ann", ContractPage.class);
        assertThat(page.items()).hasSize(1);
        assertThat(page.totalPages()).isEqualTo(2);
    }

    private ContractView setGate(long id, String gate, boolean passed) {
        return api.exchange(HttpRequest.PUT("/api/contracts/" + id + "/gates/" + gate,
                map("passed", passed)), ContractView.class).body();
    }
}
