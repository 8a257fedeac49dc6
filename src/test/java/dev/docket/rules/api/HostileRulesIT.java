package dev.docket.rules.api;

import static dev.docket.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.docket.rules.HostileRules;
import dev.docket.rules.RulesStatus;
import dev.docket.rules.source.RuleProblem;
import dev.docket.ranking.RankingPage;
import dev.docket.support.RulesFolderCopy;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hostile corpus of {@link HostileRules} against a running Docket, as an attacker would send it: through the
 * unauthenticated validate and preview, through activate with the admin token, and dropped into the watched folder.
 * Each is refused with a problem naming hostile.drl, its line and what is not allowed; the version that was live
 * keeps serving the ranking; and the marker file and the listening socket show that none of it ran.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRulesIT extends RulesApiTest {

    @RegisterExtension
    static final RulesFolderCopy FOLDER = new RulesFolderCopy();
    static final HostileRules.Tripwires TRIPWIRES = new HostileRules.Tripwires();

    @Override
    protected Map<String, String> extraProperties() {
        return FOLDER.settings("docket.rules.debounce", "50ms");
    }

    @AfterAll
    void cleanUp() throws Exception {
        TRIPWIRES.close();
    }

    @Test
    @Order(1)
    void everyVariantIsRefusedByValidatePreviewAndActivate() {
        String live = status().active().hash();
        for (HostileRules.Variant variant : HostileRules.all()) {
            Map<String, Object> body = map("files", List.of(map("path", HostileRules.FILE, "content", TRIPWIRES.arm(variant))));

            CandidateVerdict validated = api.exchange(HttpRequest.POST("/api/rules/validate", body), CandidateVerdict.class).body();
            assertThat(validated.valid()).as("validate accepted %s", variant).isFalse();
            assertRefused(variant, validated.problems());
            assertRefused(variant, refusedWith422(HttpRequest.POST("/api/rules/preview", body), variant));
            assertRefused(variant, refusedWith422(HttpRequest.POST("/api/rules/activate", body), variant));

            assertThat(TRIPWIRES.tripped()).as("%s ran", variant).isNull();
            assertThat(status().active().hash()).as("live version after %s", variant).isEqualTo(live);
        }
        assertThat(api.get("/api/ranking", RankingPage.class).ruleVersion()).isEqualTo(live);
    }

    @Test
    @Order(2)
    void everyVariantDroppedIntoTheFolderIsRefusedAndTheOldVersionKeepsServing() {
        String live = status().active().hash();
        try {
            for (HostileRules.Variant variant : HostileRules.all()) {
                long before = attempts();
                FOLDER.write(HostileRules.FILE, TRIPWIRES.arm(variant));
                RulesStatus refused = awaitStatus(s -> s.lastAttempt() != null && s.lastAttempt().number() > before
                        && s.lastAttempt().problems().stream().anyMatch(p -> HostileRules.FILE.equals(p.file())),
                        Duration.ofSeconds(30));

                assertThat(refused.lastAttempt().activated()).as("%s went live", variant).isFalse();
                assertRefused(variant, refused.lastAttempt().problems());
                assertThat(refused.active().hash()).isEqualTo(live);
                assertThat(TRIPWIRES.tripped()).as("%s ran", variant).isNull();
            }
        } finally {
            FOLDER.delete(HostileRules.FILE);
        }
        assertThat(api.get("/api/ranking", RankingPage.class).ruleVersion()).isEqualTo(live);
        sleep(1_000);
        assertThat(TRIPWIRES.tripped()).as("something started by a rejected rule ran later").isNull();
    }

    private static void assertRefused(HostileRules.Variant variant, List<RuleProblem> problems) {
        assertThat(problems).as("problems for %s", variant).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(HostileRules.FILE);
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains(variant.refusal());
        });
    }

    private List<RuleProblem> refusedWith422(MutableHttpRequest<?> request, HostileRules.Variant variant) {
        try {
            client.toBlocking().exchange(request, String.class);
            throw new AssertionError(request.getPath() + " accepted " + variant);
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).as("%s of %s", request.getPath(), variant).isEqualTo(422);
            return e.getResponse().getBody(RejectedCandidate.class).orElseThrow().problems();
        }
    }

    private long attempts() {
        RulesStatus.Attempt last = status().lastAttempt();
        return last == null ? 0 : last.number();
    }
}
