package dev.docket.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.docket.facts.Contribution;
import dev.docket.facts.Lane;
import dev.docket.ranking.RankedEntry;
import dev.docket.ranking.RankingPage;
import dev.docket.support.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every explanation of the CRM sample (with the showcase's currencies, papers, approvals and open gates), read over
 * HTTP as a sales rep reads it: plain words, amounts with their currency, ties that say why, one sentence per what-if.
 */
@MicronautTest(transactional = false)
class RepWordingIT extends DatabaseTest {

    private static final Pattern CAMEL_CASE = Pattern.compile("\\b[a-z]+[A-Z]\\w*\\b");
    private static final Pattern ENUM_NAME = Pattern.compile("\\b[A-Z]{2,}(_[A-Z]+)+\\b|\\b(OURS|CUSTOMER|READY|null|NaN)\\b");
    private static final Pattern NESTED_BRACKETS = Pattern.compile("\\([^()]*\\(");
    /** A sentence ends and another begins: a full stop, then a capital. */
    private static final Pattern TWO_SENTENCES = Pattern.compile("[.!?] [A-Z“]");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.US);

    final Map<Long, RankedEntry> entries = new LinkedHashMap<>();
    final Map<Long, Explanation> explanations = new LinkedHashMap<>();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("docket.sample.enabled", "true", "docket.sample.showcase", "true");
    }

    @BeforeAll
    void readEveryExplanation() {
        RankingPage ranking = client.toBlocking().retrieve("/api/ranking?size=100", RankingPage.class);
        assertThat(ranking.total()).isEqualTo(88);
        for (RankedEntry e : ranking.items()) {
            entries.put(e.contract().id(), e);
            explanations.put(e.contract().id(), client.toBlocking()
                    .retrieve("/api/contracts/" + e.contract().id() + "/explanation", Explanation.class));
        }
    }

    @Test
    void noSentenceOfAnySampleContractShowsAFieldNameAnEnumOrNestedBrackets() {
        List<String> sentences = new ArrayList<>();
        explanations.values().forEach(x -> sentences.addAll(sentences(x)));
        assertThat(sentences).hasSizeGreaterThan(88 * 3);

        assertThat(sentences).allSatisfy(s -> {
            assertThat(CAMEL_CASE.matcher(s).find()).as("field name in: %s", s).isFalse();
            assertThat(ENUM_NAME.matcher(s).find()).as("enum or null in: %s", s).isFalse();
            assertThat(NESTED_BRACKETS.matcher(s).find()).as("nested brackets in: %s", s).isFalse();
            assertThat(s).doesNotContain("log-scaled").doesNotContain("base currency");
        });
    }

    @Test
    void eachInputAndWaitingWhatIfIsOneSentenceARepCanActOn() {
        explanations.values().forEach(x -> {
            x.counterfactuals().inputs().forEach(i -> {
                assertThat(i.summary()).matches("(Move|Set|Put|Raise|Give) .*\\.");
                assertThat(TWO_SENTENCES.matcher(i.summary()).find()).as(i.summary()).isFalse();
                assertThat(i.summary()).contains("#" + i.rank()).contains(i.toText());
                if (!i.summary().startsWith("Give") && !i.summary().startsWith("Set")) {
                    assertThat(i.summary()).contains(i.fromText());
                }
            });
            String time = x.counterfactuals().time().summary();
            assertThat(TWO_SENTENCES.matcher(time).find()).as(time).isFalse();
        });
    }

    @Test
    void amountsCarryTheirCurrency_aEuroDealAndADollarDeal() {
        RankedEntry euro = entries.values().stream().filter(e -> e.contract().dealValue().currency().equals("EUR"))
                .filter(e -> e.contract().dealValue().amount().compareTo(new BigDecimal("1000")) >= 0).findFirst().orElseThrow();
        RankedEntry dollar = entries.values().stream().filter(e -> e.contract().dealValue().currency().equals("USD"))
                .filter(e -> e.contract().dealValue().amount().compareTo(new BigDecimal("1000")) >= 0).findFirst().orElseThrow();

        assertThat(reason(euro, "Deal value")).matches("a deal worth €" + grouped(euro.contract().dealValue().amount())
                + " \\(about \\$[0-9,]+\\); bigger deals earn more, up to 40 points");
        assertThat(reason(dollar, "Deal value")).isEqualTo("a deal worth $" + grouped(dollar.contract().dealValue().amount())
                + "; bigger deals earn more, up to 40 points");
        // The expansion estimate the rules and the what-ifs use is in the base currency, dollars here.
        assertThat(explanations.values()).flatExtracting(x -> x.counterfactuals().inputs())
                .filteredOn(i -> i.input().equals("expansionPotential")).isNotEmpty()
                .allSatisfy(i -> assertThat(i.toText()).isEqualTo("$" + grouped(new BigDecimal(i.to()))));
    }

    @Test
    void aTieSaysWhichTieBreakTheQueueUsed() {
        List<Explanation> ties = explanations.values().stream()
                .filter(x -> x.ahead() != null && x.ahead().tieBreak() != null).toList();
        assertThat(ties).isNotEmpty();
        ties.forEach(x -> {
            RankedEntry ahead = entries.get(x.ahead().contractId());
            RankedEntry self = entries.get(x.contractId());
            assertThat(ahead.score()).isEqualTo(self.score());
            assertThat(x.summary()).doesNotContain("0 points behind");
            if (x.ahead().tieBreak().equals("readySince")) {
                assertThat(ahead.contract().readySince()).isNotNull();
                assertThat(self.contract().readySince() == null || ahead.contract().readySince().isBefore(self.contract().readySince()))
                        .isTrue();
                assertThat(x.summary()).contains("It has as many points as #" + ahead.rank() + " “" + ahead.contract().title()
                        + "”, which goes first because it has been ready for legal since "
                        + DAY.format(LocalDate.ofInstant(ahead.contract().readySince(), ZoneOffset.UTC)));
            } else {
                assertThat(x.ahead().tieBreak()).isEqualTo("id");
                assertThat(ahead.contract().id()).isLessThan(self.contract().id());
                assertThat(x.summary()).contains("It has as many points as #" + ahead.rank() + " “" + ahead.contract().title()
                        + "” and has waited as long; that deal goes first because it was entered in Docket first.");
            }
        });
    }

    @Test
    void severalOpenGatesGetOneWhatIfForAllOfThem() {
        List<Explanation> blocked = explanations.values().stream()
                .filter(x -> x.counterfactuals().gates().size() > 1).toList();
        assertThat(blocked).isNotEmpty();
        blocked.forEach(x -> {
            Counterfactuals.GatesTogether all = x.counterfactuals().allGates();
            assertThat(all.gates()).containsExactlyElementsOf(x.counterfactuals().gates().stream()
                    .map(Counterfactuals.GateEffect::gate).toList());
            assertThat(all.rank()).isLessThanOrEqualTo(x.counterfactuals().gates().stream()
                    .mapToInt(Counterfactuals.GateEffect::rank).min().orElseThrow());
            assertThat(all.summary()).startsWith("If you ").contains(" and ").contains("#" + all.rank() + " of 88");
            if (all.lane() == Lane.READY) {
                assertThat(all.summary()).endsWith("into the ready lane.");
            }
        });
    }

    @Test
    void waitingThatOnlyPaysAfterLegalStartsTheReviewSaysSo() {
        List<Counterfactuals.TimeEffect> passing = explanations.values().stream()
                .map(x -> x.counterfactuals().time()).filter(t -> t.passesNextAheadOn() != null).toList();
        assertThat(passing).isNotEmpty();
        explanations.values().stream().filter(x -> x.counterfactuals().time().passesNextAheadOn() != null).forEach(x -> {
            Counterfactuals.TimeEffect t = x.counterfactuals().time();
            boolean reviewFirst = x.forecast() != null && !x.forecast().expectedStart().isAfter(t.passesNextAheadOn());
            assertThat(t.reviewStartsFirst()).as(t.summary()).isEqualTo(reviewFirst);
            if (reviewFirst) {
                assertThat(t.summary()).contains("legal is forecast to start its review on " + DAY.format(x.forecast().expectedStart())
                        + ", before it would pass");
            } else {
                assertThat(t.summary()).contains("if nothing else changes, it passes");
            }
        });
    }

    /** The spec: three real sample deals as a rep reads them (before: field names, raw values, "0.0 points behind"). */
    @Test
    void threeSampleDealsInARepsWords() {
        Explanation tied = byRef("7FLPKZN7");
        assertThat(tied.summary()).isEqualTo("“GTX Pro for Kan-code” is #6 of 88 in the review queue with 69.02 points, 36 of them "
                + "from the rule “First in, first out”: ready for legal for 12 business days (3 points a day). It has as many "
                + "points as #5 “GTX Plus Basic for J-Texon”, which goes first because it has been ready for legal since "
                + "Sat 2026-10-10, longer than this deal. Review expected to start in about 1 business day (Tue 2026-11-03) "
                + "and finish by Fri 2026-11-06.");
        assertThat(tied.ahead().tieBreak()).isEqualTo("readySince");
        assertThat(tied.contributions()).contains(new Contribution("Deal value", 6.83,
                "a deal worth £3,796.06 (about $4,821); bigger deals earn more, up to 40 points"));
        assertThat(tied.counterfactuals().inputs()).filteredOn(i -> i.input().equals("paper")).singleElement()
                .satisfies(i -> assertThat(i.summary()).isEqualTo("Put it on our paper instead of the customer's paper and it "
                        + "moves up from #6 to #3 (+4 points)."));
        assertThat(tied.counterfactuals().time().summary()).isEqualTo("Each business day of waiting adds 3 points, but legal is "
                + "forecast to start its review on Tue 2026-11-03, before it would pass “GTX Plus Basic for J-Texon” on "
                + "Thu 2026-11-05.");

        Explanation twoGates = byRef("2IRZM0LB");
        assertThat(twoGates.counterfactuals().gates()).extracting(Counterfactuals.GateEffect::summary).containsExactly(
                "If you agree the commercial terms, it stays at #64 of 88 in the not-ready lane, because the checklist item "
                        + "'pricing approved' is still open.",
                "If you get pricing approved, it stays at #64 of 88 in the not-ready lane, because the checklist item "
                        + "'commercial terms agreed' is still open.");
        assertThat(twoGates.counterfactuals().allGates().summary()).isEqualTo("If you agree the commercial terms and get "
                + "pricing approved, it moves to #33 of 88, into the ready lane.");

        Explanation expansion = byRef("NJC4XMEN");
        assertThat(expansion.counterfactuals().inputs()).filteredOn(i -> i.input().equals("expansionPotential")).singleElement()
                .satisfies(i -> {
                    assertThat(i.from()).isEqualTo("43840");
                    assertThat(i.to()).isEqualTo("244300");
                    assertThat(i.label()).isEqualTo("the expansion estimate");
                    assertThat(i.summary()).isEqualTo("Raise the expansion estimate from $43,840 to $244,300 a year, if the "
                            + "account can grow that much, and it moves up from #2 to #1 (+8.96 points).");
                });
    }

    private Explanation byRef(String externalRef) {
        return entries.values().stream().filter(e -> e.contract().externalRef().equals(externalRef))
                .map(e -> explanations.get(e.contract().id())).findFirst().orElseThrow();
    }

    /** Written independently of the code under test: thousands grouped, cents only when there are any. */
    private static String grouped(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 0 ? String.format(Locale.US, "%,d", amount.longValueExact())
                : String.format(Locale.US, "%,.2f", amount);
    }

    private static String reason(RankedEntry entry, String rule) {
        return entry.contributions().stream().filter(c -> c.rule().equals(rule)).map(Contribution::reason).findFirst()
                .orElseThrow();
    }

    private static List<String> sentences(Explanation x) {
        List<String> all = new ArrayList<>();
        all.add(x.summary());
        all.addAll(x.blockers());
        x.contributions().forEach(c -> all.add(c.reason()));
        Counterfactuals cf = x.counterfactuals();
        cf.gates().forEach(g -> all.add(g.summary()));
        if (cf.allGates() != null) {
            all.add(cf.allGates().summary());
        }
        cf.inputs().forEach(i -> all.add(i.summary()));
        all.add(cf.time().summary());
        return all;
    }
}
