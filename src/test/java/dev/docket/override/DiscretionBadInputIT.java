package dev.docket.override;

import static dev.docket.override.OverrideIT.body;
import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.json;
import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.docket.approval.ApprovalRepository;
import dev.docket.approval.ApprovalView;
import dev.docket.comment.CommentRepository;
import dev.docket.contract.ContractView;
import dev.docket.fairness.FieldChangeRepository;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import dev.docket.support.People;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad override, approval and comment request gets a precise 4xx problem naming the field, and the
 * database (contracts, gates, approvals, comments, overrides, field changes) is left exactly as it was.
 * The clock stays at TestClock.START, Monday 2026-11-02 09:00 UTC; the maximum override is 50 points, 30 days.
 */
@MicronautTest(transactional = false)
class DiscretionBadInputIT extends DatabaseTest {

    @Inject
    ApprovalRepository approvals;

    @Inject
    CommentRepository comments;

    @Inject
    OverrideRepository overrides;

    @Inject
    FieldChangeRepository fieldChanges;

    Seed seed;

    /** Ids the bad requests aim at. */
    /** {@code cfo} is a token listed to decide for CFO, so decision requests fail for the reason the row names. */
    record Seed(long open, long closed, long overridden, long activeOverride, long decidedApproval, long pendingApproval, String cfo) {
    }

    @BeforeAll
    void seed() {
        ContractView open = api.create(contract("DB-OPEN", "gates", allGatesPassed()));
        ContractView closed = api.create(contract("DB-CLOSED"));
        api.exchange(HttpRequest.POST("/api/contracts/" + closed.id() + "/withdraw", map("version", closed.version())), ContractView.class);
        ContractView overridden = api.create(contract("DB-OVERRIDDEN", "gates", allGatesPassed()));
        String cfo = people.token("Carla Finance", List.of("approver"), List.of("CFO"));
        OverrideView asked = api.exchange(HttpRequest.POST("/api/contracts/" + overridden.id() + "/overrides",
                body("points", 10)), OverrideView.class).body();
        OverrideView active = api.exchange(People.as(people.token("head-of-legal", "approver"),
                HttpRequest.POST("/api/overrides/" + asked.id() + "/approve", "")), OverrideView.class).body();
        ApprovalView decided = requestApproval(open.id(), "liability cap");
        api.exchange(People.as(cfo, HttpRequest.POST("/api/approvals/" + decided.id() + "/decision",
                map("decision", "APPROVED"))), ApprovalView.class);
        ApprovalView pending = requestApproval(overridden.id(), "IP assignment");
        seed = new Seed(open.id(), closed.id(), overridden.id(), active.id(), decided.id(), pending.id(), cfo);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("override without a reason", s -> overrideOn(s.open(), "points", 10, "reason", null),
                        400, "reason", "must not be blank: say why"),
                bad("override with a blank reason", s -> overrideOn(s.open(), "points", 10, "reason", "   "),
                        400, "reason", "must not be blank"),
                bad("override with a short reason", s -> overrideOn(s.open(), "points", 10, "reason", "VIP deal"),
                        400, "reason", "'VIP deal' is too short to judge (8 characters, 2 words); say why in at least 15 characters and 3 words"),
                bad("override with a one-word reason", s -> overrideOn(s.open(), "points", 10, "reason", "strategically-important"),
                        400, "reason", "(23 characters, 1 word)"),
                bad("override without an expiry", s -> overrideOn(s.open(), "points", 10, "expiresAt", null),
                        400, "expiresAt", "must not be null: every override needs an end date"),
                bad("override expiring in the past", s -> overrideOn(s.open(), "points", 10, "expiresAt", "2026-11-01T09:00:00Z"),
                        400, "expiresAt", "2026-11-01T09:00:00Z is not in the future"),
                bad("override expiring now", s -> overrideOn(s.open(), "points", 10, "expiresAt", "2026-11-02T09:00:00Z"),
                        400, "expiresAt", "is not in the future"),
                bad("override expiring beyond the maximum", s -> overrideOn(s.open(), "points", 10, "expiresAt", "2026-12-02T09:00:01Z"),
                        400, "expiresAt", "is more than 30 days from now (latest allowed: 2026-12-02T09:00:00Z"),
                bad("override with points and a pin", s -> overrideOn(s.open(), "points", 10, "pinToTop", true),
                        400, "pinToTop", "give either points or pinToTop: true, not both"),
                bad("override with neither points nor a pin", s -> overrideOn(s.open(), "pinToTop", false),
                        400, "points", "give either signed points (between -50 and 50) or pinToTop: true"),
                bad("override with points over the maximum", s -> overrideOn(s.open(), "points", 50.01),
                        400, "points", "50.01 is beyond the limit of 50 points either way"),
                bad("override with negative points over the maximum", s -> overrideOn(s.open(), "points", -75),
                        400, "points", "-75 is beyond the limit of 50 points"),
                bad("override with zero points", s -> overrideOn(s.open(), "points", 0),
                        400, "points", "must not be 0"),
                bad("override with fractions of a point", s -> overrideOn(s.open(), "points", 1.005),
                        400, "points", "numeric value out of bounds"),
                bad("override on an unknown contract", s -> overrideOn(987654, "points", 10),
                        404, null, "No contract has id 987654"),
                bad("override on a closed contract", s -> overrideOn(s.closed(), "points", 10),
                        409, null, "is WITHDRAWN, so it takes no overrides; only open contracts (IN_REVIEW, SUBMITTED, WAITING_ON_SALES) do"),
                bad("second active override", s -> overrideOn(s.overridden(), "pinToTop", true),
                        409, null, s -> "already has active override " + s.activeOverride() + " (+10 points, approved by head-of-legal"),
                bad("revoke an unknown override", s -> HttpRequest.POST("/api/overrides/987654/revoke", map("reason", "y")),
                        404, null, "No override has id 987654"),
                bad("revoke without a reason", s -> HttpRequest.POST("/api/overrides/" + s.activeOverride() + "/revoke", map()),
                        400, "reason", "must not be blank"),
                bad("approval decided twice", s -> People.as(s.cfo(), HttpRequest.POST("/api/approvals/" + s.decidedApproval() + "/decision",
                        map("decision", "REJECTED"))),
                        409, "decision", "was already APPROVED by Carla Finance"),
                bad("deciding an unknown approval", s -> People.as(s.cfo(), HttpRequest.POST("/api/approvals/987654/decision",
                        map("decision", "APPROVED"))), 404, null, "No approval request has id 987654"),
                bad("approval with an unknown decision", s -> People.as(s.cfo(), HttpRequest.POST("/api/approvals/" + s.pendingApproval() + "/decision",
                        map("decision", "MAYBE"))), 400, null, "MAYBE"),
                bad("decision without a decision", s -> People.as(s.cfo(), HttpRequest.POST("/api/approvals/" + s.pendingApproval() + "/decision",
                        map("comment", "fine"))), 400, "decision", "must not be null"),
                bad("approval request on an unknown contract", s -> HttpRequest.POST("/api/contracts/987654/approvals",
                        approval("cap")), 404, null, "No contract has id 987654"),
                bad("approval request on a closed contract", s -> HttpRequest.POST("/api/contracts/" + s.closed() + "/approvals",
                        approval("cap")), 409, null, "is WITHDRAWN, so it takes no new approval requests"),
                bad("approval request without a decision maker", s -> HttpRequest.POST("/api/contracts/" + s.open() + "/approvals",
                        map("question", "cap")), 400, "decisionMaker", "must not be blank"),
                bad("inbox without a decision maker", s -> HttpRequest.GET("/api/approvals/inbox"), 400, null, "decisionMaker"),
                bad("comment on an unknown contract", s -> HttpRequest.POST("/api/contracts/987654/comments",
                        map("text", "hello")), 404, null, "No contract has id 987654"),
                bad("empty comment", s -> HttpRequest.POST("/api/contracts/" + s.open() + "/comments",
                        map("text", "")), 400, "text", "must not be blank"),
                bad("blank comment", s -> HttpRequest.POST("/api/contracts/" + s.open() + "/comments",
                        map("text", " \n\t ")), 400, "text", "must not be blank"),
                bad("comment without text", s -> HttpRequest.POST("/api/contracts/" + s.open() + "/comments",
                        map()), 400, "text", "must not be null"),
                bad("comment over 4000 characters", s -> HttpRequest.POST("/api/contracts/" + s.open() + "/comments",
                        map("text", "x".repeat(4001))), 400, "text", "size must be between 0 and 4000"),
                bad("comment that is not JSON", s -> json("POST", "/api/contracts/" + s.open() + "/comments", "{\"author\":"),
                        400, null, "JSON"),
                bad("fairness report backwards", s -> HttpRequest.GET("/api/reports/fairness?from=2026-11-10&to=2026-11-01"),
                        400, "from", "from 2026-11-10 is after to 2026-11-01"),
                bad("fairness report over a year", s -> HttpRequest.GET("/api/reports/fairness?from=2025-01-01&to=2026-11-01"),
                        400, "to", "longer than 366 days"),
                bad("fairness report with a bad date", s -> HttpRequest.GET("/api/reports/fairness?from=last-week"),
                        400, "from", "must be a date in the form YYYY-MM-DD, not 'last-week'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedPreciselyAndChangesNothing(String name, Function<Seed, HttpRequest<?>> request, int status,
                                             String field, Function<Seed, String> message) {
        List<Set<?>> before = snapshot();

        Api.Failure failure = api.fail(request.apply(seed));

        assertThat(failure.status()).as("status").isEqualTo(status);
        assertThat(failure.contentType()).isEqualTo("application/problem+json");
        assertThat(failure.problem().status()).isEqualTo(status);
        assertThat(failure.problem().detail()).as("detail").contains(message.apply(seed));
        if (field != null) {
            assertThat(failure.problem().errors()).as("errors").anySatisfy(e -> assertThat(e.field()).isEqualTo(field));
        }
        assertThat(snapshot()).as("database after").isEqualTo(before);
    }

    /** Everything these requests could write, table by table. */
    private List<Set<?>> snapshot() {
        return List.of(Set.copyOf(contractRepository.findAll()), Set.copyOf(gateRepository.findAll()),
                Set.copyOf(approvals.findAll()), Set.copyOf(comments.findAll()), Set.copyOf(overrides.findAll()),
                Set.copyOf(fieldChanges.findAll()));
    }

    private ApprovalView requestApproval(long contractId, String question) {
        return api.exchange(HttpRequest.POST("/api/contracts/" + contractId + "/approvals", approval(question)),
                ApprovalView.class).body();
    }

    private static java.util.Map<String, Object> approval(String question) {
        return map("decisionMaker", "CFO", "question", question);
    }

    private static HttpRequest<?> overrideOn(long contractId, Object... changes) {
        return HttpRequest.POST("/api/contracts/" + contractId + "/overrides", body(changes));
    }

    private static Arguments bad(String name, Function<Seed, HttpRequest<?>> request, int status, String field, String message) {
        return Arguments.of(name, request, status, field, (Function<Seed, String>) s -> message);
    }

    private static Arguments bad(String name, Function<Seed, HttpRequest<?>> request, int status, String field,
                                 Function<Seed, String> message) {
        return Arguments.of(name, request, status, field, message);
    }
}
