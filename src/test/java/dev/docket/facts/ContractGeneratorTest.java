package dev.docket.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The one contract generator: the same contracts for a seed, every choice when cycled, and the shares it promises. */
class ContractGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final int DRAWN = 20_000;

    @Test
    void aSeedGivesTheSameContractsInAnyOrderAndAnotherSeedOthers() {
        ContractMix mix = ContractMix.realistic(ContractMix.Vocabulary.PLAIN, 7);
        List<GeneratedContract> forward = ContractGenerator.seeded(mix, 7).contracts(200);
        ContractGenerator again = ContractGenerator.seeded(mix, 7);

        for (int i = 199; i >= 0; i--) {
            assertThat(again.contract(i)).isEqualTo(forward.get(i));
        }
        assertThat(ContractGenerator.seeded(mix, 8).contracts(200)).isNotEqualTo(forward);
        assertThat(ContractGenerator.invariants().contracts(50)).isEqualTo(ContractGenerator.invariants().contracts(50));
    }

    @Test
    void cyclingTheProbeGridTakesEveryChoiceOfEveryFieldWithinTwentyContracts() {
        ContractMix grid = ContractMix.probeGrid();
        List<GeneratedContract> contracts = ContractGenerator.cycling(grid).contracts(20);

        assertThat(distinct(contracts, GeneratedContract::contractType)).isEqualTo(choicesOf(grid.types()));
        assertThat(distinct(contracts, GeneratedContract::paper)).isEqualTo(choicesOf(grid.papers()));
        assertThat(distinct(contracts, GeneratedContract::currency)).isEqualTo(choicesOf(grid.currencies()));
        assertThat(distinct(contracts, GeneratedContract::status)).isEqualTo(choicesOf(grid.statuses()));
        assertThat(distinct(contracts, GeneratedContract::product)).isEqualTo(choicesOf(grid.vocabulary().products()));
        assertThat(distinct(contracts, GeneratedContract::owner)).isEqualTo(choicesOf(grid.vocabulary().owners()));
        assertThat(distinct(contracts, GeneratedContract::override)).isEqualTo(choicesOf(grid.overrides()));
        assertThat(distinct(contracts, GeneratedContract::daysToClose)).isEqualTo(grid.daysToClose().values().stream()
                .map(r -> r == null ? null : r.lowest()).collect(Collectors.toSet()));
        assertThat(distinct(contracts, GeneratedContract::daysSinceSubmitted)).isEqualTo(grid.daysSinceSubmitted().values()
                .stream().map(DayRange::lowest).collect(Collectors.toSet()));
        assertThat(distinct(contracts, c -> c.amountBase() == 0 ? 0.0 : Math.round(c.amountBase() / 100) * 100.0))
                .isEqualTo(grid.values().values().stream().map(a -> ((Amount.Fixed) a).value()).collect(Collectors.toSet()));
        assertThat(distinct(contracts, c -> c.pendingApproval() != null)).containsExactlyInAnyOrder(true, false);
        assertThat(distinct(contracts, c -> c.missingGates().size())).containsExactlyInAnyOrder(0, 1, 2);
        // In turn, not at random: contract i takes choice i mod n.
        assertThat(contracts).extracting(GeneratedContract::status).startsWith("SUBMITTED", "IN_REVIEW", "WAITING_ON_SALES", "SUBMITTED");
    }

    @Test
    void theRealisticMixKeepsItsShares() {
        ContractMix mix = ContractMix.realistic(ContractMix.Vocabulary.PLAIN, 1);
        List<GeneratedContract> contracts = ContractGenerator.seeded(mix, 1).contracts(DRAWN);

        assertShare(contracts, c -> c.contractType().equals("ORDER_FORM"), 0.45);
        assertShare(contracts, c -> c.contractType().equals("NDA"), 0.10);
        assertShare(contracts, c -> c.currency().equals("USD"), 0.80);
        assertShare(contracts, c -> c.status().equals("SUBMITTED"), 0.94);
        assertShare(contracts, c -> c.missingGates().isEmpty(), 0.65);
        assertShare(contracts, c -> c.expansion().signum() == 0, 0.35);
        assertShare(contracts, c -> c.pendingApproval() != null, 0.03);
        assertShare(contracts, c -> c.override() != null, 0.01);
        assertShare(contracts, c -> c.override() != null && c.override().pinToTop(), 0.002);
        assertThat(contracts).allMatch(c -> c.amountBase() >= 999 && c.amountBase() <= 5_000_001, "values from 1,000 to 5,000,000")
                .allMatch(c -> c.daysToClose() >= -10 && c.daysToClose() <= 90)
                .allMatch(c -> c.daysSinceSubmitted() <= 45 && c.readyLagDays() <= 7);
        // Large accounts mostly sign on their own paper, the others mostly on ours.
        assertShare(contracts.stream().filter(c -> c.account().equals("Account 6")).toList(), c -> c.paper().equals("CUSTOMER"), 0.7);
        assertShare(contracts.stream().filter(c -> c.account().equals("Account 0")).toList(), c -> c.paper().equals("CUSTOMER"), 0.15);
    }

    @Test
    void theBroadMixSpansSixOrdersOfMagnitudeAndEveryTypeAndPaper() {
        List<GeneratedContract> contracts = ContractGenerator.invariants().contracts(DRAWN);

        assertShare(contracts, c -> c.amountBase() < 1_000, 0.1 + 0.9 / 6);
        assertShare(contracts, c -> c.amountBase() >= 10_000_000, 0.9 / 6);
        assertShare(contracts, c -> c.daysToClose() == null, 0.25);
        assertShare(contracts, c -> c.missingGates().isEmpty(), 0.66);
        assertShare(contracts, c -> c.status().equals("WAITING_ON_SALES"), 0.15);
        assertThat(distinct(contracts, GeneratedContract::contractType)).containsExactlyInAnyOrderElementsOf(ContractMix.TYPES);
        assertThat(distinct(contracts, GeneratedContract::paper)).containsExactlyInAnyOrder("OURS", "CUSTOMER");
        assertThat(contracts).allMatch(c -> c.pendingApproval() == null && c.override() == null && c.currency().equals("USD"));
    }

    @Test
    void aFactIsReadyExactlyWhenEveryGateHasPassedAndNoApprovalWaits() {
        List<GeneratedContract> contracts = ContractGenerator.seeded(ContractMix.realistic(ContractMix.Vocabulary.PLAIN, 3), 3)
                .contracts(2_000);

        for (GeneratedContract c : contracts) {
            ContractFact fact = c.toFact(c.index() + 1L, TODAY);
            assertThat(fact.getReadySince() != null).as("%s", c).isEqualTo(c.ready());
            assertThat(fact.getMissingGates()).isEqualTo(c.missingGates());
            assertThat(fact.getDealValueBase()).isCloseTo(c.amount().doubleValue() * c.rate(), within(1e-6));
            assertThat(fact.getSubmittedAt()).isBeforeOrEqualTo(TODAY.atTime(23, 59).toInstant(java.time.ZoneOffset.UTC));
            if (fact.getReadySince() != null) {
                assertThat(fact.getReadySince()).isAfterOrEqualTo(fact.getSubmittedAt());
            }
        }
    }

    private static <T> java.util.Set<T> choicesOf(Choices<T> choices) {
        return new java.util.HashSet<>(choices.values());
    }

    private static <T> java.util.Set<T> distinct(List<GeneratedContract> contracts, Function<GeneratedContract, T> field) {
        return contracts.stream().map(field).collect(java.util.HashSet::new, java.util.HashSet::add, java.util.HashSet::addAll);
    }

    private static void assertShare(List<GeneratedContract> contracts, Predicate<GeneratedContract> which, double share) {
        double actual = contracts.stream().filter(which).count() / (double) contracts.size();
        // Four standard errors of a share of this many contracts, and never tighter than half a point.
        double tolerance = Math.max(0.005, 4 * Math.sqrt(share * (1 - share) / contracts.size()));
        assertThat(actual).as("share of %d contracts", contracts.size()).isCloseTo(share, within(tolerance));
    }
}
