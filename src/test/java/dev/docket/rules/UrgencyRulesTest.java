package dev.docket.rules;

import static dev.docket.rules.PolicyFiles.contribution;
import static dev.docket.rules.PolicyFiles.firedRules;
import static dev.docket.rules.PolicyFiles.score;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.facts.ContractFact;
import dev.docket.facts.Contribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * rules/urgency.drl: three non-overlapping bands on days to the target close date:
 * overdue (below 0) 12 points, 0 to 14 days 20 points, 15 to 30 days 8 points, later or no date nothing.
 */
class UrgencyRulesTest {

    private static final String OVERDUE = "Target close overdue";
    private static final String WITHIN_14 = "Target close within 14 days";
    private static final String WITHIN_30 = "Target close within 30 days";
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 13);

    private static CompiledRuleSet rules;

    @BeforeAll
    static void compile() {
        rules = PolicyFiles.only("urgency.drl");
    }

    @ParameterizedTest(name = "{0} days to close -> overdue")
    @CsvSource({"-1", "-45"})
    void targetCloseOverdue_firesOnceTheDateHasPassed(int days) {
        ContractFact fact = score(rules, closingIn(days));

        Contribution c = onlyContribution(fact, OVERDUE);
        assertThat(c.points()).isEqualTo(12.0);
        assertThat(c.reason()).contains(TODAY.plusDays(days).toString()).contains("passed " + -days + " day");
    }

    @Test
    void targetCloseOverdue_reasonSaysHowLongAgo() {
        assertThat(contribution(score(rules, closingIn(-1)), OVERDUE).reason())
                .isEqualTo("target close date 2025-06-12 passed 1 day ago");
        assertThat(contribution(score(rules, closingIn(-45)), OVERDUE).reason())
                .isEqualTo("target close date 2025-04-29 passed 45 days ago");
    }

    @ParameterizedTest(name = "{0} days to close -> not overdue")
    @CsvSource({"0", "14"})
    void targetCloseOverdue_doesNotFireOnOrBeforeTheDate(int days) {
        assertThat(contribution(score(rules, closingIn(days)), OVERDUE)).isNull();
    }

    @ParameterizedTest(name = "{0} days to close -> within 14 days, {1}")
    @CsvSource(delimiter = '|', value = {"0|is today", "1|is in 1 day", "14|is in 14 days"})
    void targetCloseWithin14Days_firesFromTodayToDayFourteen(int days, String when) {
        ContractFact fact = score(rules, closingIn(days));

        Contribution c = onlyContribution(fact, WITHIN_14);
        assertThat(c.points()).isEqualTo(20.0);
        assertThat(c.reason()).isEqualTo("target close date " + TODAY.plusDays(days) + " " + when);
    }

    @ParameterizedTest(name = "{0} days to close -> not within 14 days")
    @CsvSource({"-1", "15"})
    void targetCloseWithin14Days_doesNotFireOutsideTheBand(int days) {
        assertThat(contribution(score(rules, closingIn(days)), WITHIN_14)).isNull();
    }

    @ParameterizedTest(name = "{0} days to close -> within 30 days")
    @CsvSource({"15", "30"})
    void targetCloseWithin30Days_firesFromDayFifteenToDayThirty(int days) {
        ContractFact fact = score(rules, closingIn(days));

        Contribution c = onlyContribution(fact, WITHIN_30);
        assertThat(c.points()).isEqualTo(8.0);
        assertThat(c.reason()).isEqualTo("target close date " + TODAY.plusDays(days) + " is in " + days + " days");
    }

    @ParameterizedTest(name = "{0} days to close -> not within 30 days")
    @CsvSource({"14", "31"})
    void targetCloseWithin30Days_doesNotFireOutsideTheBand(int days) {
        assertThat(contribution(score(rules, closingIn(days)), WITHIN_30)).isNull();
    }

    @ParameterizedTest(name = "{0} days to close -> no urgency")
    @CsvSource({"31", "120"})
    void noUrgencyRuleFiresForADistantDate(int days) {
        ContractFact fact = score(rules, closingIn(days));

        assertThat(firedRules(fact)).isEmpty();
        assertThat(fact.getScore()).isZero();
    }

    @Test
    void noUrgencyRuleFiresWithoutATargetCloseDate() {
        ContractFact fact = score(rules, ContractFact.builder(9).title("Soylent DPA").contractType("DPA").build());

        assertThat(firedRules(fact)).isEmpty();
        assertThat(fact.getScore()).isZero();
    }

    /** The bands do not overlap: the named rule is the only urgency contribution. */
    private static Contribution onlyContribution(ContractFact fact, String rule) {
        assertThat(firedRules(fact)).containsExactly(rule);
        return contribution(fact, rule);
    }

    private static ContractFact closingIn(int days) {
        return ContractFact.builder(11)
                .title("Stark Industries MSA")
                .account("Stark Industries")
                .contractType("MSA")
                .dealValueBase(400_000)
                .targetCloseDate(TODAY.plusDays(days), days)
                .build();
    }
}
