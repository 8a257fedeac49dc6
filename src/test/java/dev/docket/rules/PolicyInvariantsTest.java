package dev.docket.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.scoring.QueueOrder;
import dev.docket.facts.ContractFact;
import dev.docket.facts.Contribution;
import dev.docket.facts.Lane;
import dev.docket.facts.ContractGenerator;
import dev.docket.facts.GeneratedContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties the whole policy in rules/ must keep, whatever its rules say in detail, checked over a
 * seeded sample of contracts. Each "all else equal" check builds both contracts of a pair from the same
 * generated base with exactly one field changed, so a rule that rewards the wrong direction fails here.
 */
class PolicyInvariantsTest {

    private static final int CONTRACTS = 500;
    private static final long SEED = ContractGenerator.INVARIANTS_SEED;
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 13);

    /** The service's own queue order, so the invariants hold for the order users see. */
    private static final Comparator<ContractFact> QUEUE_ORDER = QueueOrder.COMPARATOR;

    private static CompiledRuleSet policy;

    @BeforeAll
    static void compile() {
        policy = PolicyFiles.all();
    }

    /** The inputs of one generated contract; {@code daysReady} only counts when no gate is missing. */
    record Spec(long id, double value, double expansion, int daysReady, Integer daysToClose,
                Set<String> missing, String status) {

        Spec withValue(double v) { return new Spec(id, v, expansion, daysReady, daysToClose, missing, status); }
        Spec withExpansion(double v) { return new Spec(id, value, v, daysReady, daysToClose, missing, status); }
        Spec withDaysReady(int d) { return new Spec(id, value, expansion, d, daysToClose, missing, status); }

        ContractFact toFact() {
            var b = ContractFact.builder(id)
                    .title("Generated deal " + id)
                    .account("Account " + (id % 37))
                    .contractType("ORDER_FORM")
                    .status(status)
                    .dealValueBase(value)
                    .expansionPotentialBase(expansion)
                    .missingGates(missing);
            if (missing.isEmpty()) {
                b.readySince(businessDaysBefore(daysReady), daysReady);
            }
            if (daysToClose != null) {
                b.targetCloseDate(TODAY.plusDays(daysToClose), daysToClose);
            }
            return b.build();
        }
    }

    @Test
    void aNotReadyContractNeverOutranksAReadyOne() {
        List<ContractFact> queue = scored(generate().stream().map(Spec::toFact).toList());
        queue.sort(QUEUE_ORDER);

        for (ContractFact f : queue) {
            boolean blocked = !f.getMissingGates().isEmpty() || f.getStatus().equals("WAITING_ON_SALES");
            assertThat(f.getLane()).as("lane of %s", f).isEqualTo(blocked ? Lane.NOT_READY : Lane.READY);
        }
        List<Lane> lanes = queue.stream().map(ContractFact::getLane).toList();
        int lastReady = lanes.lastIndexOf(Lane.READY);
        int firstNotReady = lanes.indexOf(Lane.NOT_READY);
        assertThat(lastReady).as("ready contracts in the sample").isNotNegative();
        assertThat(firstNotReady).as("not-ready contracts in the sample").isNotNegative();
        assertThat(lastReady).isLessThan(firstNotReady);
        // The sample must hold not-ready deals with more points than ready ones, or the lane order is untested.
        double lowestReady = queue.get(lastReady).getScore();
        assertThat(queue.subList(firstNotReady, queue.size())).anyMatch(f -> f.getScore() > lowestReady);
    }

    @Test
    void moreDealValueNeverRanksLower() {
        Random random = new Random(SEED + 1);
        assertNeverRanksLower(s -> s.withValue(s.value() * (1 + random.nextDouble() * 20) + random.nextInt(5_000)));
    }

    @Test
    void moreExpansionPotentialNeverRanksLower() {
        Random random = new Random(SEED + 2);
        assertNeverRanksLower(s -> s.withExpansion(s.expansion() * (1 + random.nextDouble() * 20) + random.nextInt(5_000)));
    }

    @Test
    void anOlderReadySinceNeverRanksLower() {
        Random random = new Random(SEED + 3);
        List<Spec> ready = generate().stream().filter(s -> s.missing().isEmpty()).toList();
        List<ContractFact> newer = scored(ready.stream().map(Spec::toFact).toList());
        List<ContractFact> older = scored(ready.stream().map(s -> s.withDaysReady(s.daysReady() + 1 + random.nextInt(15)).toFact()).toList());

        for (int i = 0; i < ready.size(); i++) {
            assertThat(older.get(i).getReadySince()).isBefore(newer.get(i).getReadySince());
            assertThat(older.get(i).getScore()).as("score of %s vs %s", older.get(i), newer.get(i))
                    .isGreaterThanOrEqualTo(newer.get(i).getScore());
            assertThat(QUEUE_ORDER.compare(older.get(i), newer.get(i))).as("%s vs %s", older.get(i), newer.get(i)).isNegative();
        }
        assertThat(ready).hasSizeGreaterThan(CONTRACTS / 3);
    }

    @Test
    void contributionsAlwaysSumToTheScore() {
        List<ContractFact> facts = scored(generate().stream().map(Spec::toFact).toList());

        for (ContractFact f : facts) {
            double sum = f.getContributions().stream().mapToDouble(Contribution::points).sum();
            assertThat(sum).as("contributions of %s: %s", f, f.getContributions()).isCloseTo(f.getScore(), within(1e-9));
            assertThat(f.getContributions()).extracting(Contribution::rule).isSubsetOf(policy.ruleNames());
        }
        assertThat(facts).anyMatch(f -> f.getContributions().size() >= 3);
    }

    /** Scores each base contract and its changed twin; the twin must score at least as much and rank no lower. */
    private static void assertNeverRanksLower(UnaryOperator<Spec> more) {
        List<Spec> bases = generate();
        List<ContractFact> lower = scored(bases.stream().map(Spec::toFact).toList());
        List<ContractFact> higher = scored(bases.stream().map(s -> more.apply(s).toFact()).toList());

        int strictlyHigher = 0;
        for (int i = 0; i < bases.size(); i++) {
            ContractFact hi = higher.get(i);
            ContractFact lo = lower.get(i);
            assertThat(hi.getLane()).isEqualTo(lo.getLane());
            assertThat(hi.getScore()).as("score of %s vs %s", hi.getContributions(), lo.getContributions())
                    .isGreaterThanOrEqualTo(lo.getScore());
            assertThat(QUEUE_ORDER.compare(hi, lo)).as("%s vs %s", hi, lo).isLessThanOrEqualTo(0);
            strictlyHigher += hi.getScore() > lo.getScore() ? 1 : 0;
        }
        // Guard against a vacuous pass: the field must actually move scores in a good share of the pairs.
        assertThat(strictlyHigher).isGreaterThan(CONTRACTS / 4);
    }

    private static List<ContractFact> scored(List<ContractFact> facts) {
        policy.score(facts);
        return new ArrayList<>(facts);
    }

    /**
     * The broad mix's contracts with the invariants' seed, the same every time: values across six orders of
     * magnitude, gates, statuses and target close dates; the calendar days since the last gate passed are taken as
     * business days.
     */
    private static List<Spec> generate() {
        Instant endOfToday = TODAY.atTime(23, 59).toInstant(ZoneOffset.UTC);
        List<Spec> specs = new ArrayList<>(CONTRACTS);
        for (GeneratedContract c : ContractGenerator.invariants().contracts(CONTRACTS)) {
            Instant ready = c.readySince(endOfToday);
            int daysReady = ready == null ? 0 : (int) ChronoUnit.DAYS.between(LocalDate.ofInstant(ready, ZoneOffset.UTC), TODAY);
            specs.add(new Spec(c.index() + 1L, c.amountBase(), c.expansionBase(), daysReady, c.daysToClose(),
                    c.missingGates(), c.status()));
        }
        return specs;
    }

    /** A readySince that is {@code days} business days (Monday to Friday) before TODAY, as the calendar counts them. */
    private static Instant businessDaysBefore(int days) {
        LocalDate d = TODAY;
        for (int counted = 0; counted < days; d = d.minusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return d.atTime(14, 30).toInstant(ZoneOffset.UTC);
    }
}
