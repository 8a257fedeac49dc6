package dev.docket.rules;

import static dev.docket.rules.PolicyFiles.contribution;
import static dev.docket.rules.PolicyFiles.firedRules;
import static dev.docket.rules.PolicyFiles.score;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.facts.ContractFact;
import dev.docket.facts.Contribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/value.drl: "Deal value" gives 10 points per tenfold above 1,000 in base currency, capped at 40. */
class ValueRulesTest {

    private static final String DEAL_VALUE = "Deal value";

    private static CompiledRuleSet rules;

    @BeforeAll
    static void compile() {
        rules = PolicyFiles.only("value.drl");
    }

    @ParameterizedTest(name = "{0} USD -> {1} points")
    @CsvSource({
            "1000, 0.0",          // the threshold itself fires, with nothing to add yet
            "10000, 10.0",
            "100000, 20.0",
            "250000, 23.98",      // 10 * log10(250), rounded to hundredths
            "1000000, 30.0",
            "10000000, 40.0",     // the cap is reached at 10 million
            "50000000, 40.0"})    // and holds above it
    void dealValue_firesWithTenPointsPerTenfold(double usd, double points) {
        ContractFact fact = score(rules, deal(usd));

        Contribution c = contribution(fact, DEAL_VALUE);
        assertThat(c).isNotNull();
        assertThat(c.points()).isEqualTo(points);
        assertThat(fact.getScore()).isEqualTo(points);
    }

    @Test
    void dealValue_reasonNamesTheValueAndCurrency() {
        ContractFact usd = score(rules, deal(100_000));
        assertThat(contribution(usd, DEAL_VALUE).reason())
                .isEqualTo("a deal worth $100,000; bigger deals earn more, up to 40 points");

        // Points follow the base-currency amount; the reason shows both the deal's own money and the base amount.
        ContractFact eur = score(rules, ContractFact.builder(2)
                .title("Umbrella GmbH MSA")
                .dealValue(new BigDecimal("250000"), "EUR", 270_000)
                .build());
        Contribution c = contribution(eur, DEAL_VALUE);
        assertThat(c.points()).isEqualTo(24.31);
        assertThat(c.reason()).isEqualTo("a deal worth €250,000 (about $270,000); bigger deals earn more, up to 40 points");
    }

    @Test
    void dealValue_capsAHugeDealAtForty() {
        ContractFact fact = score(rules, deal(50_000_000));

        assertThat(contribution(fact, DEAL_VALUE).points()).isEqualTo(40.0);
        assertThat(contribution(fact, DEAL_VALUE).reason()).contains("$50,000,000");
    }

    @ParameterizedTest(name = "{0} USD -> no contribution")
    @CsvSource({"0", "500", "999.99"})
    void dealValue_doesNotFireBelowOneThousand(double usd) {
        ContractFact fact = score(rules, deal(usd));

        assertThat(contribution(fact, DEAL_VALUE)).isNull();
        assertThat(firedRules(fact)).isEmpty();
        assertThat(fact.getScore()).isZero();
    }

    private static ContractFact deal(double usd) {
        return ContractFact.builder(1)
                .title("Acme Corp platform subscription")
                .account("Acme Corp")
                .contractType("ORDER_FORM")
                .dealValueBase(usd)
                .build();
    }
}
