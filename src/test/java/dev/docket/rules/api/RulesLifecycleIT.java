package dev.docket.rules.api;

import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.docket.preview.ImpactPreview;
import dev.docket.rules.RulesStatus;
import dev.docket.ranking.RankingPage;
import dev.docket.support.Api;
import dev.docket.support.People;
import dev.docket.support.RulesFolderCopy;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Legal ops' path through a rule change, over HTTP against a Docket watching its own copy of rules/. */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesLifecycleIT extends RulesApiTest {

    @RegisterExtension
    static final RulesFolderCopy FOLDER = new RulesFolderCopy();

    /** dana.legal, who may activate and roll back; and an author, who may only check candidates. */
    String rulesAdmin;
    String rulesAuthor;

    @Override
    protected Map<String, String> extraProperties() {
        return FOLDER.settings("docket.rules.debounce", "50ms");
    }

    @BeforeEach
    void setUp() {
        if (rulesAdmin == null) {
            rulesAdmin = people.token("dana.legal", "rules-admin");
            rulesAuthor = people.token("sam.author", "rules-author");
        }
    }

    @Test
    @Order(1)
    void aBrokenSaveIsReportedAndTheLastGoodVersionKeepsServing() {
        RulesStatus before = status();
        assertThat(before.healthy()).isTrue();
        String ageRule = FOLDER.read("age.drl");

        FOLDER.write("age.drl", ageRule.replace("businessDaysReady > 0 )", "businessDaysReady > )"));
        RulesStatus failed = awaitStatus(s -> s.lastAttempt() != null && !s.lastAttempt().activated());

        assertThat(failed.healthy()).isFalse();
        assertThat(failed.active().hash()).isEqualTo(before.active().hash());
        assertThat(failed.lastAttempt().problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("age.drl");
            assertThat(p.line()).isPositive();
        });
        assertThat(api.get("/api/ranking", RankingPage.class).ruleVersion()).isEqualTo(before.active().hash());
        assertThat(health()).contains("\"rules\"").contains("DEGRADED");
        assertThat(api.get("/prometheus", String.class)).contains("docket_rules_candidate_failing 1.0");

        FOLDER.write("age.drl", ageRule.replace("(3 points a day)", "(3 points for each business day)"));
        RulesStatus fixed = awaitStatus(s -> !s.active().hash().equals(before.active().hash()));

        assertThat(fixed.healthy()).isTrue();
        assertThat(fixed.active().number()).isGreaterThan(before.active().number());
        awaitRanking(fixed.active().hash());
        assertThat(api.get("/prometheus", String.class)).contains("docket_rules_candidate_failing 0.0");
    }

    @Test
    @Order(2)
    void versionsAreRecordedAndOneCallRollsBack() {
        RulesController.VersionSummary[] versions = api.get("/api/rules/versions", RulesController.VersionSummary[].class);
        assertThat(versions).hasSizeGreaterThanOrEqualTo(2);
        assertThat(versions[0].active()).isTrue();
        RulesController.VersionSummary first = versions[versions.length - 1];
        RulesController.VersionDetail detail = api.get("/api/rules/versions/" + first.number(), RulesController.VersionDetail.class);
        assertThat(detail.files()).anySatisfy(f -> assertThat(f.path()).isEqualTo("age.drl"));
        assertThat(detail.rules()).contains("First in, first out");

        Api.Failure forbidden = api.fail(HttpRequest.POST("/api/rules/versions/" + first.number() + "/activate", "").bearerAuth(rulesAuthor));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.problem().detail()).contains("rules-admin");

        HttpResponse<RulesStatus> rolledBack = api.exchange(HttpRequest.POST("/api/rules/versions/" + first.number() + "/activate", "")
                .bearerAuth(rulesAdmin), RulesStatus.class);

        assertThat(rolledBack.body().active().hash()).isEqualTo(first.hash());
        assertThat(rolledBack.body().active().source().name()).isEqualTo("ROLLBACK");
        assertThat(rolledBack.body().active().activatedBy()).isEqualTo("dana.legal");
        awaitRanking(first.hash());
        assertThat(api.fail(HttpRequest.POST("/api/rules/versions/999/activate", "").bearerAuth(rulesAdmin)).status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void validateReportsEveryProblemAndActivatesNothing() {
        String active = status().active().hash();

        CandidateVerdict verdict = api.exchange(HttpRequest.POST("/api/rules/validate", map("files", List.of(
                map("path", "broken.drl", "content", "package docket.policy;\nrule \"Half\"\nwhen\n  $c : \nthen\nend\n")))),
                CandidateVerdict.class).body();

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problems()).anySatisfy(p -> assertThat(p.file()).isEqualTo("broken.drl"));
        assertThat(status().active().hash()).isEqualTo(active);
    }

    @Test
    @Order(4)
    void previewShowsWhatACandidateWouldDoToTheQueue() {
        api.create(Api.contract("PV-1", "gates", Api.allGatesPassed(), "dealValue", map("amount", 2_000, "currency", "USD")));
        api.create(Api.contract("PV-2", "gates", Api.allGatesPassed(), "dealValue", map("amount", 9_000_000, "currency", "USD")));
        String valueRule = FOLDER.read("value.drl").replace("10.0 * Math.log10", "-10.0 * Math.log10");

        ImpactPreview preview = api.exchange(HttpRequest.POST("/api/rules/preview",
                map("files", List.of(map("path", "value.drl", "content", valueRule)))), ImpactPreview.class).body();

        assertThat(preview.candidateVersion()).isNotEqualTo(preview.activeVersion());
        assertThat(preview.summary().moved()).isEqualTo(2);
        assertThat(preview.summary().rankCorrelation()).isEqualTo(-1.0);
        // Punishing value breaks the scenarios legal ops wrote; the preview says so beside the impact.
        assertThat(preview.scenarioFailures()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).startsWith("tests/"));
        assertThat(preview.summary().largestMovesUp()).singleElement().satisfies(m -> assertThat(m.title()).contains("PV-1"));
        assertThat(preview.changes()).allSatisfy(c -> assertThat(c.contributions())
                .anySatisfy(cc -> assertThat(cc.rule()).isEqualTo("Deal value")));
    }

    @Test
    @Order(5)
    void activatingThroughTheApiNeedsTheRulesAdminRole() {
        String ageRule = FOLDER.read("age.drl").replaceAll("\\(3 points [a-z ]+\\)", "(3 points per business day, via the API)");
        Map<String, Object> body = map("files", List.of(map("path", "age.drl", "content", ageRule)));

        assertThat(api.fail(HttpRequest.POST("/api/rules/activate", body).bearerAuth(rulesAuthor)).status()).isEqualTo(403);
        assertThat(api.fail(People.anonymous(HttpRequest.POST("/api/rules/activate", body))).status()).isEqualTo(401);
        RulesStatus live = api.exchange(HttpRequest.POST("/api/rules/activate", body).bearerAuth(rulesAdmin), RulesStatus.class).body();

        assertThat(live.active().source().name()).isEqualTo("API");
        assertThat(live.active().activatedBy()).isEqualTo("dana.legal");
    }
}
