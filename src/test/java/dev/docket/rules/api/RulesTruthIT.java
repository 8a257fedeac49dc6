package dev.docket.rules.api;

import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.docket.rules.RulesStatus;
import dev.docket.rules.source.RuleProblem;
import dev.docket.contract.ContractView;
import dev.docket.ranking.RankingPage;
import dev.docket.support.Api;
import dev.docket.support.People;
import dev.docket.support.RulesFolderCopy;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Live" is true and rules cannot stall Docket, over real HTTP against a Docket watching its own copy of rules/:
 * a candidate is live only once it has ranked the real backlog, a rule slow on one contract costs only that contract,
 * and an empty policy never goes live.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesTruthIT extends RulesApiTest {

    @RegisterExtension
    static final RulesFolderCopy FOLDER = new RulesFolderCopy();
    static final long TIME_LIMIT_MILLIS = 300;

    @Override
    protected Map<String, String> extraProperties() {
        return FOLDER.settings("docket.rules.debounce", "50ms",
                "docket.rules.scoring.time-limit", TIME_LIMIT_MILLIS + "ms");
    }

    @Test
    @Order(1)
    void updateForOneAccount_isRefusedBeforeItRuns_andAFailureOnlyTheRealBacklogShowsIsRefusedWithRuleAndContractNamed() {
        ContractView touchy = api.create(Api.contract("UPD-1", "account", "Initrode Lifecycle", "gates", Api.allGatesPassed()));
        RulesStatus before = awaitStatus(s -> true);
        String rankedBy = awaitRanking(before.active().hash());
        // The case: update($c) for one real account. The guard refuses it before anything runs.
        Map<String, Object> update = map("files", List.of(map("path", "touchy.drl", "content", drl("Touch Initrode",
                "$c : ContractFact( account == \"Initrode Lifecycle\" )", "$c.add(1.0, \"touched\");\n    update($c);"))));
        CandidateVerdict refusedUpdate = api.exchange(HttpRequest.POST("/api/rules/validate", update), CandidateVerdict.class).body();
        assertThat(refusedUpdate.valid()).isFalse();
        assertThat(refusedUpdate.problems()).anySatisfy(p -> assertThat(p.message()).contains("`update` and `modify` are not allowed"));
        assertThat(refusal(HttpRequest.POST("/api/rules/activate", update)).getStatus().getCode()).isEqualTo(422);

        // What still gets past every check on made-up contracts: code that fails only for a real one. The probe's 20
        // contracts never have this account, so only the real backlog shows it.
        Map<String, Object> body = map("files", List.of(map("path", "touchy.drl", "content", drl("Touch Initrode",
                "$c : ContractFact( account == \"Initrode Lifecycle\" )", "int none = 0;\n    $c.add(1 / none, \"touched\");"))));

        CandidateVerdict validated = api.exchange(HttpRequest.POST("/api/rules/validate", body), CandidateVerdict.class).body();
        HttpClientResponseException refused = refusal(HttpRequest.POST("/api/rules/activate", body));
        Api.Failure preview = api.fail(HttpRequest.POST("/api/rules/preview", body));

        assertThat(validated.valid()).isFalse();
        assertThat(validated.problems()).anySatisfy(p -> assertThat(p.message()).contains("rule 'Touch Initrode'")
                .contains("contract " + touchy.id()));
        assertThat(refused.getStatus().getCode()).isEqualTo(422);
        RejectedCandidate verdict = refused.getResponse().getBody(RejectedCandidate.class).orElseThrow();
        assertThat(verdict.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("touchy.drl");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("rule 'Touch Initrode'").contains("contract " + touchy.id() + " (MSA for UPD-1)");
        });
        assertThat(preview.status()).isEqualTo(422);
        assertThat(preview.contentType()).contains("application/problem+json");
        assertThat(preview.problem().detail()).contains("rule 'Touch Initrode'").contains("contract " + touchy.id());
        RulesStatus after = api.get("/api/rules/status", RulesStatus.class);
        assertThat(after.active()).isEqualTo(before.active());
        assertThat(after.lastAttempt().activated()).isFalse();
        assertThat(after.lastAttempt().problems()).anySatisfy(p -> assertThat(p.message()).contains("rule 'Touch Initrode'")
                .contains("contract " + touchy.id()));
        assertThat(after.healthy()).isFalse();
        assertThat(api.get("/api/ranking", RankingPage.class).ruleVersion()).isEqualTo(rankedBy);
        assertThat(health()).contains("\"status\":\"DEGRADED\"").contains("Touch Initrode");
    }

    @Test
    @Order(2)
    void health_isDegradedAtTheTopOnEveryPollWhileAComponentIs() {
        assertThat(status().healthy()).isFalse();
        for (int i = 0; i < 16; i++) {
            Map<?, ?> health = healthJson();
            assertThat(((Map<?, ?>) ((Map<?, ?>) health.get("details")).get("rules")).get("status")).isEqualTo("DEGRADED");
            assertThat(health.get("status")).as("top-level status on poll " + (i + 1)).isEqualTo("DEGRADED");
        }
    }

    @Test
    @Order(3)
    void emptyPolicy_isRefusedThroughValidatePreviewAndActivate() {
        String active = status().active().hash();
        Map<String, Object> empty = map("files", List.of(), "replace", true);
        // Blockers alone rank every deal by id: no more a policy than an empty one.
        Map<String, Object> blockersOnly = map("files", List.of(map("path", "readiness.drl", "content", FOLDER.read("readiness.drl"))),
                "replace", true);

        for (Map<String, Object> body : List.of(empty, blockersOnly)) {
            CandidateVerdict validated = api.exchange(HttpRequest.POST("/api/rules/validate", body), CandidateVerdict.class).body();
            assertThat(validated.valid()).isFalse();
            assertThat(validated.problems()).anySatisfy(p -> assertThat(p.message()).contains("at least one ranking rule"));
            assertThat(refusal(HttpRequest.POST("/api/rules/preview", body)).getStatus().getCode()).isEqualTo(422);
            HttpClientResponseException activation = refusal(HttpRequest.POST("/api/rules/activate", body));
            assertThat(activation.getStatus().getCode()).isEqualTo(422);
            assertThat(activation.getResponse().getBody(RejectedCandidate.class).orElseThrow().problems())
                    .anySatisfy(p -> assertThat(p.message()).contains("at least one ranking rule"));
        }
        assertThat(status().active().hash()).isEqualTo(active);
    }

    @Test
    @Order(4)
    void perContractTimeBomb_writesNeverWaitOnIt_andTheContractIsParkedAndNamed() throws Exception {
        // Slow only for one title, and allowed by the guard: nested for-each loops over the contract's four missing
        // gates, 4^13 (67 million) steps, seconds of work against a time limit of 300 ms. It does return.
        String bomb = drl("Slow for one title", "$c : ContractFact( title == \"Time bomb deal\" )",
                "int n = 0;\n    " + nestedGateLoops(13) + "n++; " + "}".repeat(13)
                        + "\n    $c.add(n > 0 ? 1.0 : 0.0, \"slow\");");
        RulesStatus live = api.exchange(HttpRequest.POST("/api/rules/activate",
                map("files", List.of(map("path", "bomb.drl", "content", bomb)))), RulesStatus.class).body();
        assertThat(live.active().rules()).contains("Slow for one title");
        awaitRanking(live.active().hash());

        long start = System.nanoTime();
        ContractView target = api.create(Api.contract("BOMB-1", "title", "Time bomb deal"));
        long bombWrite = millisSince(start);
        // The abandoned firing is still busy for seconds; other writes must not wait for it.
        start = System.nanoTime();
        ContractView other = api.create(Api.contract("CALM-1", "gates", Api.allGatesPassed()));
        api.exchange(HttpRequest.PUT("/api/contracts/" + other.id() + "/gates/pricing-approved", map("passed", false)), String.class);
        long otherWrites = millisSince(start);

        assertThat(bombWrite).as("the write that brought the bomb in").isLessThan(TIME_LIMIT_MILLIS + 1_500);
        assertThat(otherWrites).as("two writes while the bomb still runs").isLessThan(1_500);
        RulesStatus status = status();
        assertThat(status.parked()).singleElement().satisfies(p -> {
            assertThat(p.contractId()).isEqualTo(target.id());
            assertThat(p.rule()).isEqualTo("Slow for one title");
            assertThat(p.message()).contains("time limit");
        });
        assertThat(status.healthy()).isFalse();
        assertThat(health()).contains("\"status\":\"DEGRADED\"").contains("Slow for one title").contains("Time bomb deal");
        String explanation = api.get("/api/contracts/" + target.id() + "/explanation", String.class);
        assertThat(explanation).contains("NOT_READY").contains("Docket could not score this contract: rule 'Slow for one title'");
        assertThat(api.get("/api/contracts/" + other.id() + "/explanation", String.class)).doesNotContain("could not score");
        // Nothing was stopped by force, and nothing keeps running: the abandoned session halts once the firing returns.
        awaitNoThreadIn("Slow_for_one_title");
    }

    @Test
    @Order(5)
    void rollbackThenFolderEvent_theFolderChangeIsHeldAndTheDriftShownUntilTheFolderAgreesOrAnAdminTakesIt() {
        RulesStatus viaApi = status();
        assertThat(viaApi.active().source().name()).isEqualTo("API");
        assertThat(viaApi.drift()).as("the API added bomb.drl, the folder does not have it").isNotNull();
        assertThat(viaApi.drift().onlyLive()).containsExactly("bomb.drl");
        RulesController.VersionSummary[] versions = api.get("/api/rules/versions", RulesController.VersionSummary[].class);
        RulesController.VersionSummary first = versions[versions.length - 1];
        RulesStatus rolledBack = api.exchange(HttpRequest.POST("/api/rules/versions/" + first.number() + "/activate", ""), RulesStatus.class).body();
        assertThat(rolledBack.active().source().name()).isEqualTo("ROLLBACK");
        assertThat(rolledBack.drift()).as("the folder is the first version").isNull();
        assertThat(rolledBack.parked()).as("the bomb rule is gone, so its contract ranks again").isEmpty();
        String age = FOLDER.read("age.drl");
        String expansion = FOLDER.read("expansion.drl");
        // The folder moves on and goes live; then an admin rolls back to the first version.
        FOLDER.write("age.drl", age.replace("(3 points a day)", "(3 points per business day)"));
        RulesStatus newer = awaitStatus(s -> !s.active().hash().equals(rolledBack.active().hash()));
        assertThat(newer.active().source().name()).isEqualTo("FILE");
        RulesStatus rollback = api.exchange(HttpRequest.POST("/api/rules/versions/" + first.number() + "/activate", ""), RulesStatus.class).body();
        assertThat(rollback.drift().different()).containsExactly("age.drl");

        // A later event in the folder does not undo the rollback: it is held, and status and health say so.
        FOLDER.write("expansion.drl", expansion.replace("capped at 36", "capped at 36 points"));
        RulesStatus held = awaitStatus(s -> s.drift() != null && s.drift().different().contains("expansion.drl"));
        sleep(500);

        assertThat(status().active()).as("the rollback stands").isEqualTo(rollback.active());
        assertThat(held.drift().different()).containsExactly("age.drl", "expansion.drl");
        assertThat(held.drift().liveVersion()).isEqualTo(first.hash());
        assertThat(held.healthy()).isFalse();
        assertThat(health()).contains("\"status\":\"DEGRADED\"").contains("folderDrift").contains("different: age.drl, expansion.drl");
        assertThat(api.get("/api/ranking", RankingPage.class).ruleVersion()).isEqualTo(first.hash());

        // A rules admin takes the folder's version.
        String viewer = people.token("vic.viewer", "viewer");
        assertThat(api.fail(People.as(viewer, HttpRequest.POST("/api/rules/folder/activate", ""))).status()).isEqualTo(403);
        RulesStatus taken = api.exchange(HttpRequest.POST("/api/rules/folder/activate", ""), RulesStatus.class).body();
        assertThat(taken.active().source().name()).isEqualTo("FILE");
        assertThat(taken.active().hash()).isEqualTo(held.drift().folderVersion());
        assertThat(taken.drift()).isNull();
        assertThat(awaitRanking(taken.active().hash())).isEqualTo(taken.active().hash());

        // Rolled back once more, the hold also ends when the folder is put back to the live version.
        RulesStatus third = api.exchange(HttpRequest.POST("/api/rules/versions/" + first.number() + "/activate", ""), RulesStatus.class).body();
        assertThat(third.drift()).isNotNull();
        FOLDER.write("age.drl", age);
        FOLDER.write("expansion.drl", expansion);
        awaitStatus(s -> s.drift() == null);
        assertThat(status().active().hash()).isEqualTo(first.hash());
    }

    @Test
    @Order(6)
    void scenarioInFolder_aScenarioSavedAloneChecksEveryApiCandidateAtOnce() {
        String live = status().active().hash();
        FOLDER.write("tests/value-counts.yaml", """
                now: 2025-06-13T09:00:00Z
                contracts:
                  big:
                    dealValue: 1000000
                expectations:
                  - contributed: {rule: Deal value, contract: big, points: 30}
                  - reasonContains: {contract: big, rule: Deal value, text: "worth $1,000,000"}
                """);
        awaitStatus(s -> s.lastAttempt() != null && s.lastAttempt().activated());
        String halved = FOLDER.read("value.drl").replace("10.0 * Math.log10", "5.0 * Math.log10");
        Map<String, Object> body = map("files", List.of(map("path", "value.drl", "content", halved)));

        CandidateVerdict validated = api.exchange(HttpRequest.POST("/api/rules/validate", body), CandidateVerdict.class).body();
        HttpClientResponseException refused = refusal(HttpRequest.POST("/api/rules/activate", body));
        dev.docket.preview.ImpactPreview preview = api.exchange(HttpRequest.POST("/api/rules/preview", body),
                dev.docket.preview.ImpactPreview.class).body();

        assertThat(validated.valid()).isFalse();
        assertThat(validated.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("tests/value-counts.yaml");
            assertThat(p.message()).contains("expected rule 'Deal value' to contribute 30.0 to big");
        });
        assertThat(refused.getStatus().getCode()).isEqualTo(422);
        assertThat(refused.getResponse().getBody(RejectedCandidate.class).orElseThrow().problems())
                .anySatisfy(p -> assertThat(p.file()).isEqualTo("tests/value-counts.yaml"));
        assertThat(preview.scenarioFailures()).anySatisfy(p -> assertThat(p.file()).isEqualTo("tests/value-counts.yaml"));
        assertThat(status().active().hash()).isEqualTo(live);
        // A scenario sent with the candidate counts as well, next to the folder's.
        Map<String, Object> withSent = map("files", List.of(map("path", "tests/sent.yaml", "content", """
                now: 2025-06-13T09:00:00Z
                contracts:
                  small:
                    dealValue: 10000
                expectations:
                  - reasonContains: {contract: small, rule: Deal value, text: "no such words"}
                """)));
        CandidateVerdict both = api.exchange(HttpRequest.POST("/api/rules/validate", withSent), CandidateVerdict.class).body();
        assertThat(both.problems()).extracting(RuleProblem::file).containsExactly("tests/sent.yaml");
    }

    @Test
    @Order(7)
    void preview_showsPerRuleHowManyOfTodaysContractsItMatchesBeforeAndAfter() {
        Map<String, Object> body = map("files", List.of(map("path", "never.drl", "content", drl("Never: no such account",
                "$c : ContractFact( account == \"No Such Account Ltd\" )", "$c.add(5.0, \"never\");"))));

        dev.docket.preview.ImpactPreview preview = api.exchange(HttpRequest.POST("/api/rules/preview", body),
                dev.docket.preview.ImpactPreview.class).body();

        assertThat(preview.ruleMatches()).contains(new dev.docket.preview.ImpactPreview.RuleMatches("Never: no such account", 0, 0));
        long withValue = api.get("/api/ranking?size=500", String.class).split("\"rule\":\"Deal value\"", -1).length - 1;
        assertThat(preview.ruleMatches()).filteredOn(m -> m.rule().equals("Deal value")).singleElement()
                .satisfies(m -> {
                    assertThat(m.before()).isPositive().isEqualTo(m.after());
                    assertThat((long) m.before()).isEqualTo(withValue);
                });
    }

    /** {@code depth} nested for-each loops over the contract's missing gates, each with its own variable. */
    private static String nestedGateLoops(int depth) {
        StringBuilder loops = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            loops.append("for (String g").append(i).append(" : $c.getMissingGates()) { ");
        }
        return loops.toString();
    }

    private static String drl(String name, String when, String then) {
        return "package docket.policy;\nimport dev.docket.facts.ContractFact;\n\nrule \"" + name + "\"\nwhen\n    " + when
                + "\nthen\n    " + then + "\nend\n";
    }

    private HttpClientResponseException refusal(HttpRequest<?> request) {
        try {
            api.exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("accepted: " + request);
    }

    private static void awaitNoThreadIn(String generatedRuleClass) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(8));
        while (Instant.now().isBefore(deadline)) {
            boolean running = Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream)
                    .anyMatch(f -> f.getClassName().contains(generatedRuleClass));
            if (!running) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("a thread is still running rule code " + generatedRuleClass);
    }

    private Map<?, ?> healthJson() {
        return api.get("/health", Map.class);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
