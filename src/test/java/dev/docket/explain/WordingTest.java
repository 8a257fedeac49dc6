package dev.docket.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import dev.docket.facts.Lane;
import dev.docket.facts.Money;
import org.junit.jupiter.api.Test;

class WordingTest {

    private final Wording words = new Wording(Locale.US, "USD");

    @Test
    void amountsCarryTheirCurrencyAndGrouping() {
        assertThat(words.money(new BigDecimal("173700"), "USD")).isEqualTo("$173,700");
        assertThat(words.money(new BigDecimal("12000.00"), "EUR")).isEqualTo("€12,000");
        assertThat(words.money(new BigDecimal("1234.5"), "GBP")).isEqualTo("£1,234.50");
        assertThat(words.money(new BigDecimal("5000"), "CHF")).isEqualTo("CHF 5,000");
        assertThat(words.baseMoney(130167.4)).isEqualTo("$130,167.40");
        assertThat(Money.of(48210.0, "USD")).hasToString("$48,210");
    }

    @Test
    void pointsDropTrailingZerosAndKeepSmallGaps() {
        assertThat(words.points(71.0)).isEqualTo("71");
        assertThat(words.points(5.1)).isEqualTo("5.1");
        assertThat(words.points(0.04)).isEqualTo("0.04");
        assertThat(words.signedPoints(12)).isEqualTo("+12");
        assertThat(words.signedPoints(-4)).isEqualTo("-4");
        assertThat(words.signedPoints(0.6)).isEqualTo("+0.6");
    }

    @Test
    void labelsForFieldsAndValues() {
        assertThat(words.field("expansionPotential")).isEqualTo("the expansion estimate");
        assertThat(words.field("targetCloseDate")).isEqualTo("the target close date");
        assertThat(words.paper("OURS")).isEqualTo("our paper");
        assertThat(words.paper("CUSTOMER")).isEqualTo("the customer's paper");
        assertThat(words.contractType("ORDER_FORM")).isEqualTo("order form");
        assertThat(words.lane(Lane.NOT_READY)).isEqualTo("the not-ready lane");
        assertThat(words.gateAction("signatory-known")).isEqualTo("name the signatory");
        assertThat(words.gateAction("legal-hold-cleared")).isEqualTo("complete the checklist item “legal hold cleared”");
        assertThat(words.date(LocalDate.parse("2026-12-14"))).isEqualTo("Mon 2026-12-14");
    }

    @Test
    void listsReadAsASentence() {
        assertThat(words.and(List.of("a"))).isEqualTo("a");
        assertThat(words.and(List.of("pass the security review", "name the signatory")))
                .isEqualTo("pass the security review and name the signatory");
        assertThat(words.and(List.of("a", "b", "c"))).isEqualTo("a, b and c");
    }

    @Test
    void aQuotedQuestionEndsTheSentenceOnce() {
        assertThat(words.say("summary.notReady", "Deal", 3, 88, "waiting on approval from CFO: Can we accept it?"))
                .endsWith("Can we accept it?");
        assertThat(words.say("summary.notReady", "Deal", 3, 88, "legal is waiting on sales for an answer"))
                .endsWith("for an answer.");
    }
}
