package dev.docket.approval;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.docket.contract.ContractView;
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

/** Approval requests hold a contract out of the ready lane until decided, and a decision is final. */
@MicronautTest(transactional = false)
class ApprovalIT extends DatabaseTest {

    @Inject
    TestClock clock;

    @Inject
    ApprovalRepository approvalRepository;

    /** Each decider is a token listed for their decision maker: Carla and Chris for CFO, Gus for General Counsel. */
    final Map<String, String> deciders = new HashMap<>();

    @BeforeEach
    void setUp() {
        if (deciders.isEmpty()) {
            deciders.put("Carla Finance", people.token("Carla Finance", List.of("approver"), List.of("CFO")));
            deciders.put("Chris Finance", people.token("Chris Finance", List.of("approver"), List.of("cfo")));
            deciders.put("Gus Counsel", people.token("Gus Counsel", List.of("approver"), List.of("General Counsel")));
        }
        clock.set(TestClock.START);
        emptyBacklog();
    }

    @Test
    void aPendingApprovalHoldsTheContractInTheNotReadyLaneUntilDecided() {
        ContractView held = api.create(contract("AP-1", "gates", allGatesPassed()));
        ContractView other = api.create(contract("AP-2", "gates", allGatesPassed(),
                "dealValue", map("amount", 1_000, "currency", "USD")));
        assertThat(entry(held.id()).lane()).isEqualTo(Lane.READY);
        assertThat(entry(held.id()).rank()).isEqualTo(1);

        clock.advance(Duration.ofHours(1));
        ApprovalView requested = request(held.id(), "CFO", "liability cap");

        assertThat(requested.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(requested.requestedAt()).isEqualTo(clock.instant());
        ContractView waiting = api.get("/api/contracts/" + held.id(), ContractView.class);
        assertThat(waiting.ready()).isFalse();
        assertThat(waiting.readySince()).isNull();
        RankedEntry blocked = entry(held.id());
        assertThat(blocked.lane()).isEqualTo(Lane.NOT_READY);
        assertThat(blocked.rank()).isEqualTo(2);
        assertThat(entry(other.id()).rank()).isEqualTo(1);
        Explanation why = api.get("/api/contracts/" + held.id() + "/explanation", Explanation.class);
        assertThat(why.blockers()).containsExactly("waiting on approval from CFO: liability cap");
        assertThat(why.summary()).contains("waiting on approval from CFO: liability cap");

        clock.advance(Duration.ofHours(2));
        ApprovalView decided = decide(requested.id(), "APPROVED", "Carla Finance", "cap at 2x fees is fine");

        assertThat(decided.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(decided.decidedAt()).isEqualTo(clock.instant());
        assertThat(decided.decidedBy()).isEqualTo("Carla Finance");
        assertThat(decided.comment()).isEqualTo("cap at 2x fees is fine");
        ContractView ready = api.get("/api/contracts/" + held.id(), ContractView.class);
        assertThat(ready.ready()).isTrue();
        assertThat(ready.readySince()).as("ready again from the decision").isEqualTo(clock.instant());
        assertThat(entry(held.id()).lane()).isEqualTo(Lane.READY);
        assertThat(entry(held.id()).blockers()).isEmpty();
        assertThat(api.get("/api/contracts/" + held.id() + "/approvals", ApprovalView[].class))
                .singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(ApprovalStatus.APPROVED));
    }

    @Test
    void aRejectionAlsoEndsTheHoldAndEveryPendingRequestBlocksOnItsOwn() {
        ContractView c = api.create(contract("AP-10", "gates", allGatesPassed()));
        ApprovalView cap = request(c.id(), "CFO", "liability cap");
        ApprovalView ip = request(c.id(), "General Counsel", "IP assignment");
        assertThat(entry(c.id()).blockers()).containsExactly("waiting on approval from CFO: liability cap",
                "waiting on approval from General Counsel: IP assignment");

        clock.advance(Duration.ofHours(1));
        decide(cap.id(), "REJECTED", "Carla Finance", "unlimited liability is a no");
        assertThat(entry(c.id()).blockers()).containsExactly("waiting on approval from General Counsel: IP assignment");
        assertThat(api.get("/api/contracts/" + c.id(), ContractView.class).readySince()).isNull();

        clock.advance(Duration.ofHours(1));
        decide(ip.id(), "APPROVED", "Gus Counsel", null);
        assertThat(entry(c.id()).lane()).isEqualTo(Lane.READY);
        assertThat(api.get("/api/contracts/" + c.id(), ContractView.class).readySince()).isEqualTo(clock.instant());
    }

    @Test
    void theInboxListsOneDecisionMakersPendingRequestsOldestFirst() {
        ContractView a = api.create(contract("AP-20", "title", "Acme MSA"));
        ContractView b = api.create(contract("AP-21", "title", "Globex order form"));
        ApprovalView newer = at(Duration.ofHours(3), () -> request(a.id(), "CFO", "discount above 30%"));
        ApprovalView older = at(Duration.ofHours(1), () -> request(b.id(), "CFO", "liability cap"));
        ApprovalView decided = at(Duration.ofHours(2), () -> request(b.id(), "CFO", "payment terms"));
        at(Duration.ofHours(4), () -> request(a.id(), "General Counsel", "IP assignment"));
        decide(decided.id(), "APPROVED", "Carla Finance", null);

        InboxItem[] inbox = api.get("/api/approvals/inbox?decisionMaker=CFO", InboxItem[].class);

        assertThat(inbox).extracting(InboxItem::approvalId).containsExactly(older.id(), newer.id());
        assertThat(inbox[0].contractId()).isEqualTo(b.id());
        assertThat(inbox[0].contractTitle()).isEqualTo("Globex order form");
        assertThat(inbox[0].question()).isEqualTo("liability cap");
        assertThat(inbox[1].contractTitle()).isEqualTo("Acme MSA");
        assertThat(api.get("/api/approvals/inbox?decisionMaker=Nobody", InboxItem[].class)).isEmpty();
    }

    @Test
    void decidingTwiceGets409AndKeepsTheFirstDecision() {
        ContractView c = api.create(contract("AP-30", "gates", allGatesPassed()));
        ApprovalView requested = request(c.id(), "CFO", "liability cap");
        ApprovalView first = decide(requested.id(), "APPROVED", "Carla Finance", "fine");
        Approval stored = approvalRepository.findById(requested.id()).orElseThrow();
        long version = api.get("/api/contracts/" + c.id(), ContractView.class).version();

        clock.advance(Duration.ofHours(1));
        Api.Failure again = api.fail(People.as(deciders.get("Chris Finance"), HttpRequest.POST("/api/approvals/" + requested.id() + "/decision",
                map("decision", "REJECTED", "comment", "changed my mind"))));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).isEqualTo("application/problem+json");
        assertThat(again.problem().detail()).contains("was already APPROVED by Carla Finance at " + first.decidedAt())
                .contains("a decision is final").contains("POST /api/contracts/" + c.id() + "/approvals");
        assertThat(approvalRepository.findById(requested.id())).contains(stored);
        assertThat(api.get("/api/contracts/" + c.id(), ContractView.class).version()).isEqualTo(version);
    }

    @Test
    void onlyAnApproverListedForTheDecisionMakerWhoDidNotAskDecides() {
        ContractView c = api.create(contract("AP-40", "gates", allGatesPassed(), "owner", "Rita Rep"));
        ApprovalView cap = request(c.id(), "CFO", "liability cap");
        String viewer = people.token("Vic Viewer", "viewer");
        String gus = deciders.get("Gus Counsel");

        Api.Failure noRole = api.fail(People.as(viewer, HttpRequest.POST("/api/approvals/" + cap.id() + "/decision", map("decision", "APPROVED"))));
        assertThat(noRole.status()).isEqualTo(403);
        Api.Failure notListed = api.fail(People.as(gus, HttpRequest.POST("/api/approvals/" + cap.id() + "/decision", map("decision", "APPROVED"))));
        assertThat(notListed.status()).isEqualTo(403);
        assertThat(notListed.contentType()).isEqualTo("application/problem+json");
        assertThat(notListed.problem().detail()).contains("'Gus Counsel' is not listed to decide for CFO");
        Api.Failure bodyNamesCfo = api.fail(People.as(gus, HttpRequest.POST("/api/approvals/" + cap.id() + "/decision",
                map("decision", "APPROVED", "decidedBy", "Carla Finance"))));
        // The strict API refuses the field outright: the acting person is the caller, never a name in the body.
        assertThat(bodyNamesCfo.status()).as("a body naming the CFO changes nothing").isEqualTo(400);

        // Rita owns the deal and may ask; Carla is listed for CFO but cannot decide her own question.
        String rita = people.token("Rita Rep", "viewer");
        ApprovalView ritas = api.exchange(People.as(rita, HttpRequest.POST("/api/contracts/" + c.id() + "/approvals",
                map("decisionMaker", "CFO", "question", "discount above 30%"))), ApprovalView.class).body();
        assertThat(ritas.requestedBy()).isEqualTo("Rita Rep");
        Api.Failure notOwner = api.fail(People.as(viewer, HttpRequest.POST("/api/contracts/" + c.id() + "/approvals",
                map("decisionMaker", "CFO", "question", "anything"))));
        assertThat(notOwner.status()).isEqualTo(403);
        ContractView carlasDeal = api.create(contract("AP-41", "gates", allGatesPassed(), "owner", "Carla Finance"));
        ApprovalView carlas = api.exchange(People.as(deciders.get("Carla Finance"), HttpRequest.POST("/api/contracts/" + carlasDeal.id() + "/approvals",
                map("decisionMaker", "CFO", "question", "payment terms"))), ApprovalView.class).body();
        Api.Failure ownQuestion = api.fail(People.as(deciders.get("Carla Finance"),
                HttpRequest.POST("/api/approvals/" + carlas.id() + "/decision", map("decision", "APPROVED"))));
        assertThat(ownQuestion.status()).isEqualTo(403);
        assertThat(ownQuestion.problem().detail()).contains("asked for approval " + carlas.id() + " and cannot decide it too");

        assertThat(api.get("/api/contracts/" + c.id() + "/approvals", ApprovalView[].class))
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(ApprovalStatus.PENDING));
        assertThat(api.get("/api/contracts/" + carlasDeal.id() + "/approvals", ApprovalView[].class))
                .allSatisfy(a -> assertThat(a.status()).isEqualTo(ApprovalStatus.PENDING));
        assertThat(decide(cap.id(), "APPROVED", "Chris Finance", null).decidedBy()).isEqualTo("Chris Finance");
    }

    private ApprovalView request(long contractId, String decisionMaker, String question) {
        return api.exchange(HttpRequest.POST("/api/contracts/" + contractId + "/approvals",
                map("decisionMaker", decisionMaker, "question", question)), ApprovalView.class).body();
    }

    private ApprovalView decide(long approvalId, String decision, String by, String comment) {
        return api.exchange(People.as(deciders.get(by), HttpRequest.POST("/api/approvals/" + approvalId + "/decision",
                map("decision", decision, "comment", comment))), ApprovalView.class).body();
    }

    private <T> T at(Duration afterStart, java.util.function.Supplier<T> action) {
        clock.set(TestClock.START.plus(afterStart));
        return action.get();
    }

    private RankedEntry entry(long contractId) {
        List<RankedEntry> items = api.get("/api/ranking?size=500", RankingPage.class).items();
        return items.stream().filter(e -> e.contract().id() == contractId).findFirst()
                .orElseThrow(() -> new AssertionError("contract " + contractId + " is not ranked: " + Arrays.toString(items.toArray())));
    }
}
