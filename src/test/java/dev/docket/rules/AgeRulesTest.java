package dev.docket.rules;

import static dev.docket.rules.PolicyFiles.contribution;
import static dev.docket.rules.PolicyFiles.firedRules;
import static dev.docket.rules.PolicyFiles.score;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.facts.ContractFact;
import dev.docket.facts.Contribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/age.drl: "First in, first out" gives 3 points per business day a deal has been ready for legal. */
class AgeRulesTest {

    private static final String FIFO = "First in, first out";
    // Friday 30 May 2025; "today" in these facts is Friday 13 June 2025, ten business days later.
    private static final Instant READY_SINCE = Instant.parse("2025-05-30T15:20:00Z");
    private static final Instant SUBMITTED_AT = Instant.parse("2025-05-28T09:00:00Z");

    private static CompiledRuleSet rules;

    @BeforeAll
    static void compile() {
        rules = PolicyFiles.only("age.drl");
    }

    @ParameterizedTest(name = "{0} business days ready -> {1} points")
    @CsvSource({"1, 3.0", "10, 30.0", "37, 111.0"})
    void firstInFirstOut_firesForEachBusinessDayReady(int days, double points) {
        ContractFact fact = score(rules, readyFor(days));

        Contribution c = contribution(fact, FIFO);
        assertThat(c).isNotNull();
        assertThat(c.points()).isEqualTo(points);
        assertThat(c.reason()).contains(days + " business day");
        assertThat(fact.getScore()).isEqualTo(points);
    }

    @Test
    void firstInFirstOut_reasonUsesSingularForOneDayAndPluralOtherwise() {
        assertThat(contribution(score(rules, readyFor(1)), FIFO).reason())
                .isEqualTo("ready for legal for 1 business day (3 points a day)");
        assertThat(contribution(score(rules, readyFor(10)), FIFO).reason())
                .isEqualTo("ready for legal for 10 business days (3 points a day)");
    }

    @Test
    void firstInFirstOut_doesNotFireBeforeReady() {
        // Submitted two weeks ago but a gate is still open, so there is no readySince and the clock has not started.
        ContractFact fact = score(rules, ContractFact.builder(7)
                .title("Globex MSA renewal")
                .submittedAt(SUBMITTED_AT, 12)
                .missingGates(Set.of("pricing-approved"))
                .build());

        assertThat(contribution(fact, FIFO)).isNull();
        assertThat(firedRules(fact)).isEmpty();
        assertThat(fact.getScore()).isZero();
    }

    @Test
    void firstInFirstOut_doesNotFireOnTheDayTheDealBecameReady() {
        ContractFact fact = score(rules, readyFor(0));

        assertThat(contribution(fact, FIFO)).isNull();
        assertThat(fact.getScore()).isZero();
    }

    @Test
    void firstInFirstOut_doesNotFireWithoutReadySinceWhateverTheDayCount() {
        // The rule guards on readySince itself, not only on the derived day count.
        ContractFact fact = score(rules, ContractFact.builder(9).readySince(null, 5).build());

        assertThat(contribution(fact, FIFO)).isNull();
    }

    @Test
    void firstInFirstOut_ignoresBusinessDaysSinceSubmission() {
        // Time spent before the deal was ready does not count: only readySince starts the clock.
        ContractFact fact = score(rules, ContractFact.builder(8)
                .submittedAt(SUBMITTED_AT, 12)
                .readySince(READY_SINCE, 2)
                .build());

        assertThat(contribution(fact, FIFO).points()).isEqualTo(6.0);
    }

    private static ContractFact readyFor(int businessDays) {
        return ContractFact.builder(42)
                .title("Initech order form")
                .account("Initech")
                .contractType("ORDER_FORM")
                .dealValueBase(120_000)
                .submittedAt(SUBMITTED_AT, businessDays + 2)
                .readySince(READY_SINCE, businessDays)
                .build();
    }
}
