package dev.docket.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.scoring.QueueOrder;
import dev.docket.facts.ContractFact;
import dev.docket.facts.Contribution;
import dev.docket.rules.PolicyFiles;
import dev.docket.sample.CrmDeals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark floor is only a floor if it does the same work: the hand-written policy must give every
 * generated contract exactly the contributions, blockers, pins and place that the real rules in rules/ give it.
 */
class PlainJavaPolicyTest {

    private static final int CONTRACTS = 5_000;
    private static final Comparator<Contribution> BY_RULE = Comparator.comparing(Contribution::rule);

    private static CompiledRuleSet rules;

    @BeforeAll
    static void compile() {
        rules = PolicyFiles.all();
    }

    @Test
    void plainJavaPolicy_scoresEveryContractLikeTheRules() {
        // Weekday and weekend "todays" both: age points count business days.
        for (LocalDate today : List.of(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 29))) {
            CrmDeals generator = new CrmDeals(7);
            List<ContractFact> byDrools = generator.facts(CONTRACTS, today);
            List<ContractFact> byHand = generator.facts(CONTRACTS, today);

            rules.score(byDrools);
            List<ContractFact> handQueue = PlainJavaPolicy.rank(byHand);

            for (int i = 0; i < CONTRACTS; i++) {
                ContractFact expected = byDrools.get(i);
                ContractFact actual = byHand.get(i);
                assertThat(sorted(actual.getContributions())).as("contributions of %s", expected)
                        .isEqualTo(sorted(expected.getContributions()));
                assertThat(actual.getBlockers()).as("blockers of %s", expected)
                        .containsExactlyInAnyOrderElementsOf(expected.getBlockers());
                assertThat(actual.getScore()).isEqualTo(expected.getScore());
                assertThat(actual.getPinnedBecause()).isEqualTo(expected.getPinnedBecause());
            }
            List<ContractFact> droolsQueue = byDrools.stream().sorted(QueueOrder.COMPARATOR).toList();
            assertThat(handQueue).extracting(ContractFact::getId)
                    .containsExactlyElementsOf(droolsQueue.stream().map(ContractFact::getId).toList());
        }
    }

    @Test
    void generatedBacklog_exercisesEveryRuleOfThePolicy() {
        List<ContractFact> facts = new CrmDeals(7).facts(CONTRACTS, LocalDate.of(2026, 11, 25));
        rules.score(facts);

        // Otherwise the equality above would say nothing about the rules that never fired.
        assertThat(facts.stream().flatMap(f -> f.getContributions().stream()).map(Contribution::rule).distinct())
                .containsAll(rules.ruleNames().stream()
                        .filter(name -> !List.of("Readiness gates open", "Waiting on sales", "Approval pending").contains(name))
                        .toList());
        assertThat(facts).anyMatch(f -> f.getBlockers().stream().anyMatch(b -> b.startsWith("the checklist item '")))
                .anyMatch(f -> f.getBlockers().contains("legal is waiting on sales for an answer"))
                .anyMatch(f -> f.getBlockers().stream().anyMatch(b -> b.startsWith("waiting on approval from ")))
                .anyMatch(ContractFact::isPinned);
    }

    private static List<Contribution> sorted(List<Contribution> contributions) {
        return contributions.stream().sorted(BY_RULE).toList();
    }
}
