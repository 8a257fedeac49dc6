package dev.docket.rules;

import static dev.docket.rules.PolicyFiles.contribution;
import static dev.docket.rules.PolicyFiles.score;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.docket.rules.check.CandidateCheckBadInputTest;
import dev.docket.rules.check.RuleCompilationException;
import dev.docket.rules.check.RuleSetCompiler;
import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.scoring.QueueOrder;
import dev.docket.rules.source.RuleSource;
import dev.docket.facts.ContractFact;
import dev.docket.facts.ContractFactBuilder;
import dev.docket.facts.Contribution;
import dev.docket.facts.Lane;
import dev.docket.facts.OverrideFact;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Approved overrides are Docket's mechanism, not a rule file: "Override" adds an approved override's signed points,
 * and "Override: pin to top" pins the deal with a 0-point contribution, whatever the policy holds; both reasons name
 * the approver, the asker, the end date and the reason. A rule cannot pin.
 */
class ApprovedOverridesTest {

    private static final Instant EXPIRES = Instant.parse("2025-06-30T17:00:00Z");

    private static CompiledRuleSet rules;

    @BeforeAll
    static void compile() {
        // The whole real policy: no file of it may add, remove or repeat an override's effect.
        rules = PolicyFiles.all();
    }

    @Test
    void override_addsTheSignedPointsWithWhoAndWhy() {
        ContractFact fact = score(rules, deal(1).override(points(12.5)).build());

        Contribution c = contribution(fact, "Override");
        assertThat(c).isNotNull();
        assertThat(c.points()).isEqualTo(12.5);
        assertThat(c.reason()).isEqualTo("override by head-of-legal at sam.sales's request until 2025-06-30T17:00:00Z: "
                + "renewal at risk, CEO escalation this week");
        assertThat(fact.getScore()).isEqualTo(12.5 + policyPoints(1));
        assertThat(fact.isPinned()).isFalse();
        assertThat(contribution(fact, "Override: pin to top")).isNull();
    }

    @Test
    void override_takesPointsOffWhenNegative() {
        ContractFact fact = score(rules, deal(2).override(points(-20)).build());

        assertThat(contribution(fact, "Override").points()).isEqualTo(-20.0);
        assertThat(fact.getScore()).isEqualTo(-20.0 + policyPoints(2));
    }

    @Test
    void override_doesNotFireWithoutAnOverride() {
        ContractFact fact = score(rules, deal(3).build());

        assertThat(fact.getContributions()).extracting(Contribution::rule).noneMatch(r -> r.startsWith("Override"));
        assertThat(fact.isPinned()).isFalse();
    }

    @Test
    void pinToTop_pinsWithAZeroPointReason() {
        ContractFact fact = score(rules, deal(4).override(pin()).build());

        Contribution c = contribution(fact, "Override: pin to top");
        assertThat(c).isNotNull();
        assertThat(c.points()).isZero();
        assertThat(c.reason()).startsWith("pinned to the top of its lane by head-of-legal at sam.sales's request until 2025-06-30")
                .endsWith(": renewal at risk, CEO escalation this week");
        assertThat(fact.isPinned()).isTrue();
        assertThat(fact.getPinnedBecause()).isEqualTo(c.reason());
        assertThat(contribution(fact, "Override")).isNull();
        assertThat(fact.getLane()).isEqualTo(Lane.READY);
    }

    @Test
    void pinToTop_doesNotFireForAPointsOverrideOrNone() {
        assertThat(score(rules, deal(5).override(points(5)).build()).isPinned()).isFalse();
        assertThat(contribution(score(rules, deal(6).build()), "Override: pin to top")).isNull();
    }

    @Test
    void aPinnedDealRanksFirstInItsLaneWhateverThePoints() {
        List<ContractFact> queue = new ArrayList<>(List.of(
                deal(7).dealValueBase(10_000_000).build(),
                deal(8).override(pin()).build(),
                deal(9).override(points(50)).build()));
        PolicyFiles.all().score(queue);
        queue.sort(QueueOrder.COMPARATOR);

        assertThat(queue).extracting(ContractFact::getId).first().isEqualTo(8L);
    }

    @Test
    void overridesApplyWithAPolicyThatHasNoRuleAboutThem() {
        CompiledRuleSet ageOnly = PolicyFiles.only("age.drl");

        ContractFact fact = score(ageOnly, deal(10).override(points(7)).build());

        assertThat(contribution(fact, "Override").points()).isEqualTo(7.0);
        assertThat(fact.getScore()).isEqualTo(7.0 + 12.0);
        assertThat(score(ageOnly, deal(11).override(pin()).build()).isPinned()).isTrue();
    }

    @Test
    void aRuleCannotPin() {
        RuleCompilationException refused = org.junit.jupiter.api.Assertions.assertThrows(RuleCompilationException.class,
                () -> RuleSetCompiler.compile(List.of(new RuleSource("pin.drl", CandidateCheckBadInputTest.drl("Pin my deal",
                        "$c : ContractFact( owner == \"sam.sales\" )", "$c.pin(\"my deal first\");")))));

        assertThat(refused.problems()).anySatisfy(p -> assertThat(p.message()).contains("pin"));
    }

    /** What the rest of the policy gives the deal, scored without its override. */
    private static double policyPoints(long id) {
        return score(rules, deal(id).build()).getScore();
    }

    private static ContractFactBuilder deal(long id) {
        return ContractFact.builder(id)
                .title("Initech renewal " + id)
                .account("Initech")
                .owner("sam.sales")
                .contractType("ORDER_FORM")
                .readySince(Instant.parse("2025-06-09T10:00:00Z"), 4);
    }

    private static OverrideFact points(double points) {
        return new OverrideFact(11, points, false, "renewal at risk, CEO escalation this week", "sam.sales", "head-of-legal", EXPIRES);
    }

    private static OverrideFact pin() {
        return new OverrideFact(12, 0, true, "renewal at risk, CEO escalation this week", "sam.sales", "head-of-legal", EXPIRES);
    }
}
