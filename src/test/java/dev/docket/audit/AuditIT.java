package dev.docket.audit;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static dev.docket.support.People.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.docket.contract.ContractView;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import dev.docket.support.RulesFolderCopy;
import dev.docket.support.TestClock;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A scripted day of work through the API, then the audit log read back: every act, by whom, which way in, in order. */
@MicronautTest(transactional = false)
class AuditIT extends DatabaseTest {

    @RegisterExtension
    static final RulesFolderCopy FOLDER = new RulesFolderCopy();

    @Inject
    TestClock clock;

    @Override
    protected Map<String, String> extraProperties() {
        return FOLDER.settings("docket.rules.watch", "false");
    }

    @Test
    void aDayOfWorkReadsBackExactly() throws InterruptedException {
        clock.set(TestClock.START);
        String dana = people.token("dana", "legal");
        String cfo = people.token("carla", List.of("approver"), List.of("CFO"));
        String hol = people.token("hol", "approver");
        String rulesAdmin = people.token("rita", "rules-author", "rules-admin");
        Instant dayStart = TestClock.START.plus(Duration.ofHours(1));
        clock.set(dayStart);

        ContractView c = api.exchange(as(dana, HttpRequest.POST("/api/contracts", contract("AU-1")).header("X-Request-Id", "day-1-create")),
                ContractView.class).body();
        api.exchange(as(dana, HttpRequest.PUT("/api/contracts/" + c.id() + "/gates/pricing-approved", map("passed", true))), String.class);
        long version = api.get("/api/contracts/" + c.id(), ContractView.class).version();
        api.exchange(as(dana, HttpRequest.PATCH("/api/contracts/" + c.id(), map("version", version, "status", "IN_REVIEW"))), String.class);
        Map<?, ?> approval = api.exchange(as(dana, HttpRequest.POST("/api/contracts/" + c.id() + "/approvals",
                map("decisionMaker", "CFO", "question", "liability cap"))), Map.class).body();
        api.exchange(as(cfo, HttpRequest.POST("/api/approvals/" + approval.get("id") + "/decision",
                map("decision", "APPROVED", "comment", "fine"))), String.class);
        Map<?, ?> override = api.exchange(as(dana, HttpRequest.POST("/api/contracts/" + c.id() + "/overrides",
                map("points", 10, "reason", "customer escalated to our CEO twice", "expiresAt", "2026-11-09T09:00:00Z"))), Map.class).body();
        Api.Failure selfApproval = api.fail(as(dana, HttpRequest.POST("/api/overrides/" + override.get("id") + "/approve", "")));
        assertThat(selfApproval.status()).isEqualTo(403);
        api.exchange(as(hol, HttpRequest.POST("/api/overrides/" + override.get("id") + "/approve", "")), String.class);
        Map<String, Object> candidate = map("files", List.of(map("path", "age.drl", "content",
                FOLDER.read("age.drl").replaceAll("\\(3 points [a-z ]+\\)", "(3 points per business day, audited)"))));
        api.exchange(as(rulesAdmin, HttpRequest.POST("/api/rules/validate", candidate)), String.class);
        api.exchange(as(rulesAdmin, HttpRequest.POST("/api/rules/activate", candidate)), String.class);
        api.exchange(as(dana, HttpRequest.POST("/api/contracts/" + c.id() + "/comments", map("text", "all set"))), String.class);

        List<Map<String, Object>> log = awaitEntries(api, dayStart, 11);
        assertThat(log).extracting(e -> e.get("actor") + " " + e.get("via") + " " + e.get("outcome") + " " + e.get("action") + " "
                + e.get("entity") + " " + e.get("entityId")).containsExactly(
                "dana token DONE create contract " + c.id(),
                "dana token DONE set gate " + c.id() + "/pricing-approved",
                "dana token DONE status contract " + c.id(),
                "dana token DONE request approval " + approval.get("id"),
                "carla token DONE decide approval " + approval.get("id"),
                "dana token DONE request override " + override.get("id"),
                "dana token REFUSED POST request /api/overrides/" + override.get("id") + "/approve",
                "hol token DONE approve override " + override.get("id"),
                "rita token DONE validate rules candidate",
                "rita token DONE activate rules " + ((Map<?, ?>) api.get("/api/rules/status", Map.class).get("active")).get("number"),
                "dana token DONE add comment " + ((Map<?, ?>) client.toBlocking().retrieve(HttpRequest.GET("/api/contracts/" + c.id() + "/comments"),
                        Argument.listOf(Map.class)).get(0)).get("id"));
        assertThat(log).allSatisfy(e -> assertThat(e.get("at")).isEqualTo(dayStart.toString()));
        assertThat(log.get(0).get("requestId")).isEqualTo("day-1-create");
        assertThat(log).allSatisfy(e -> assertThat(e.get("requestId")).isNotNull());
        assertThat(log.get(1).get("before")).isEqualTo("{\"passed\":\"unset\"}");
        assertThat(log.get(1).get("after")).isEqualTo("{\"passed\":true}");
        assertThat((String) log.get(2).get("before")).contains("\"status\":\"SUBMITTED\"").doesNotContain("\"title\"");
        assertThat((String) log.get(2).get("after")).contains("\"status\":\"IN_REVIEW\"").doesNotContain("\"title\"");
        assertThat((String) log.get(4).get("before")).contains("\"status\":\"PENDING\"").contains("\"decidedBy\":null");
        assertThat((String) log.get(4).get("after")).contains("\"status\":\"APPROVED\"").contains("\"decidedBy\":\"carla\"")
                .doesNotContain("\"question\"");
        assertThat((String) log.get(6).get("detail")).contains("'dana' may not POST").contains("needs the role approver");
        assertThat((String) log.get(7).get("after")).contains("\"state\":\"ACTIVE\"").contains("\"approvedBy\":\"hol\"");
        assertThat((String) log.get(9).get("after")).contains("\"ok\":true");

        HttpResponse<String> csv = api.exchange(HttpRequest.GET("/api/audit/csv?entity=approval"), String.class);
        assertThat(csv.getContentType().orElseThrow().toString()).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).hasSize(3).first().asString()
                .isEqualTo("id,at,actor,via,entity,entityId,action,outcome,before,after,detail,requestId");
        assertThat(csv.body()).contains(",carla,token,approval," + approval.get("id") + ",decide,DONE,");
        assertThat(api.fail(as(dana, HttpRequest.GET("/api/audit"))).status()).as("the log is for admins").isEqualTo(403);
    }

    private List<Map<String, Object>> awaitEntries(Api api, Instant from, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            Map<String, Object> page = client.toBlocking().retrieve(HttpRequest.GET("/api/audit?from=" + from),
                    Argument.mapOf(String.class, Object.class));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = ((List<Map<String, Object>>) page.get("items")).stream()
                    .filter(e -> !"token".equals(e.get("entity"))).toList();
            if (items.size() >= count || Instant.now().isAfter(deadline)) {
                return items;
            }
            Thread.sleep(100);
        }
    }
}
