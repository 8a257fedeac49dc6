package dev.docket.rules;

import static dev.docket.rules.PolicyFiles.contribution;
import static dev.docket.rules.PolicyFiles.score;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.facts.ContractFact;
import dev.docket.facts.Contribution;
import dev.docket.facts.Lane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/quick-reviews.csv: points by contract type and paper, a short-job-first nudge. */
class QuickReviewsTableTest {

    private static CompiledRuleSet rules;

    @BeforeAll
    static void compile() {
        rules = PolicyFiles.only("quick-reviews.csv");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Quick review: NDA on our paper        | NDA        | OURS     | 10 | an NDA on our paper is the quickest review there is
            Quick review: NDA on customer paper   | NDA        | CUSTOMER |  6 | an NDA is short even on the customer's paper
            Quick review: order form on our paper | ORDER_FORM | OURS     |  6 | an order form on our paper is quick to check
            Quick review: amendment on our paper  | AMENDMENT  | OURS     |  4 | an amendment on our paper is usually a short review
            Quick review: DPA on our paper        | DPA        | OURS     |  2 | a DPA on our paper needs only a light review
            Quick review: MSA on customer paper   | MSA        | CUSTOMER | -4 | an MSA on the customer's paper takes longest to redline
            """)
    void eachRowFiresForItsTypeAndPaper(String rule, String type, String paper, double points, String reason) {
        ContractFact fact = score(rules, ContractFact.builder(1).contractType(type).paper(paper).build());

        Contribution c = contribution(fact, rule);
        assertThat(c).as("contribution of %s", rule).isNotNull();
        assertThat(c.points()).isEqualTo(points);
        assertThat(c.reason()).isEqualTo(reason);
        assertThat(fact.getContributions()).hasSize(1);
        assertThat(fact.getScore()).isEqualTo(points);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Quick review: NDA on our paper        | NDA        | CUSTOMER
            Quick review: NDA on our paper        | MSA        | OURS
            Quick review: NDA on customer paper   | NDA        | OURS
            Quick review: NDA on customer paper   | DPA        | CUSTOMER
            Quick review: order form on our paper | ORDER_FORM | CUSTOMER
            Quick review: amendment on our paper  | AMENDMENT  | CUSTOMER
            Quick review: DPA on our paper        | DPA        | CUSTOMER
            Quick review: MSA on customer paper   | MSA        | OURS
            Quick review: MSA on customer paper   | ORDER_FORM | CUSTOMER
            """)
    void eachRowDoesNotFireForAnotherTypeOrPaper(String rule, String type, String paper) {
        ContractFact fact = score(rules, ContractFact.builder(2).contractType(type).paper(paper).build());

        assertThat(contribution(fact, rule)).isNull();
    }

    @Test
    void typesAndPapersWithoutARowGetNothing() {
        for (String[] typeAndPaper : new String[][] {{"OTHER", "OURS"}, {"OTHER", "CUSTOMER"}, {"MSA", "OURS"},
                {"ORDER_FORM", "CUSTOMER"}, {"AMENDMENT", "CUSTOMER"}, {"DPA", "CUSTOMER"}, {"NDA", "customer"}}) {
            ContractFact fact = score(rules, ContractFact.builder(3).contractType(typeAndPaper[0]).paper(typeAndPaper[1]).build());

            assertThat(fact.getContributions()).as("%s on %s", typeAndPaper[0], typeAndPaper[1]).isEmpty();
        }
    }

    @Test
    void theTableOnlyGivesPointsAndNeverBlocks() {
        ContractFact blockedNda = score(rules, ContractFact.builder(4).contractType("NDA").paper("OURS")
                .missingGates(Set.of("signatory-known")).build());

        assertThat(blockedNda.getScore()).isEqualTo(10.0);
        assertThat(blockedNda.getBlockers()).isEmpty();
        assertThat(blockedNda.getLane()).isEqualTo(Lane.READY);
    }

    @Test
    void everyRowHasAReadableName() {
        assertThat(rules.ruleNames()).hasSize(6).allMatch(name -> name.startsWith("Quick review: "));
    }
}
