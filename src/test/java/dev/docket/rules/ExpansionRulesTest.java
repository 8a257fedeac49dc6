package dev.docket.rules;

import static dev.docket.rules.PolicyFiles.contribution;
import static dev.docket.rules.PolicyFiles.firedRules;
import static dev.docket.rules.PolicyFiles.score;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.facts.ContractFact;
import dev.docket.facts.Contribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/expansion.drl: "Expansion potential" gives 12 points per tenfold above 1,000 a year, capped at 36. */
class ExpansionRulesTest {

    private static final String EXPANSION = "Expansion potential";

    private static CompiledRuleSet rules;

    @BeforeAll
    static void compile() {
        rules = PolicyFiles.only("expansion.drl");
    }

    @ParameterizedTest(name = "{0} a year -> {1} points")
    @CsvSource({
            "1000, 0.0",          // the threshold itself fires, with nothing to add yet
            "10000, 12.0",
            "100000, 24.0",
            "300000, 29.73",      // 12 * log10(300), rounded to hundredths
            "1000000, 36.0",      // the cap is reached at 1 million a year
            "25000000, 36.0"})
    void expansionPotential_firesWithTwelvePointsPerTenfold(double perYear, double points) {
        ContractFact fact = score(rules, expanding(perYear));

        Contribution c = contribution(fact, EXPANSION);
        assertThat(c).isNotNull();
        assertThat(c.points()).isEqualTo(points);
        assertThat(fact.getScore()).isEqualTo(points);
    }

    @Test
    void expansionPotential_reasonNamesTheYearlyValue() {
        ContractFact fact = score(rules, expanding(300_000));

        assertThat(contribution(fact, EXPANSION).reason())
                .isEqualTo("an expansion estimate of $300,000 a year; larger estimates earn more, up to 36 points");
    }

    @Test
    void expansionPotential_outweighsTheSameAmountOfDealValue() {
        // The same 100,000 earns 24 points as expansion but 20 as deal value: the policy's stated intent.
        ContractFact both = ContractFact.builder(5).dealValueBase(100_000).expansionPotentialBase(100_000).build();
        ContractFact scored = score(PolicyFiles.only("expansion.drl", "value.drl"), both);

        assertThat(contribution(scored, EXPANSION).points()).isGreaterThan(contribution(scored, "Deal value").points());
    }

    @ParameterizedTest(name = "{0} a year -> no contribution")
    @CsvSource({"0", "999.99"})
    void expansionPotential_doesNotFireBelowOneThousand(double perYear) {
        ContractFact fact = score(rules, expanding(perYear));

        assertThat(contribution(fact, EXPANSION)).isNull();
        assertThat(firedRules(fact)).isEmpty();
        assertThat(fact.getScore()).isZero();
    }

    private static ContractFact expanding(double perYear) {
        return ContractFact.builder(3)
                .title("Hooli pilot NDA")
                .account("Hooli")
                .contractType("NDA")
                .dealValueBase(0)
                .expansionPotentialBase(perYear)
                .build();
    }
}
