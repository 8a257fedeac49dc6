package dev.docket.rules.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import dev.docket.rules.PolicyFiles;
import dev.docket.rules.check.RuleSetCompiler;
import dev.docket.rules.source.RuleSource;
import dev.docket.facts.ContractFact;
import dev.docket.facts.Contribution;
import dev.docket.sample.CrmDeals;
import org.junit.jupiter.api.Test;

/**
 * A large backlog is scored in chunks over several threads only when every rule looks at one contract; the
 * result must be what scoring each contract on its own gives. A rule that compares contracts gets them all at once.
 */
class CompiledRuleSetTest {

    private static final int BACKLOG = 10_000;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void perContractPolicy_scoresALargeBacklogInChunks_exactlyAsOneContractAtATime() {
        CompiledRuleSet rules = PolicyFiles.all();
        assertThat(rules.perContract()).isTrue();
        CrmDeals generator = new CrmDeals(5);
        List<ContractFact> together = generator.facts(BACKLOG, TODAY);
        List<ContractFact> alone = generator.facts(BACKLOG, TODAY);

        rules.score(together);
        alone.forEach(fact -> rules.score(List.of(fact)));

        for (int i = 0; i < BACKLOG; i++) {
            assertThat(byRule(together.get(i))).as("contract %d", i).isEqualTo(byRule(alone.get(i)));
            assertThat(together.get(i).getBlockers()).containsExactlyInAnyOrderElementsOf(alone.get(i).getBlockers());
            assertThat(together.get(i).getScore()).isEqualTo(alone.get(i).getScore());
        }
    }

    @Test
    void ruleComparingContracts_seesTheWholeBacklogInOneSession() {
        CompiledRuleSet rules = RuleSetCompiler.compile(List.of(new RuleSource("largest.drl", """
                package docket.policy;
                import dev.docket.facts.ContractFact;
                rule "Largest deal"
                when
                    $c : ContractFact( $v : dealValueBase )
                    not ContractFact( dealValueBase > $v )
                then
                    $c.add(5.0, "the largest deal in the queue");
                end
                """)));
        List<ContractFact> backlog = new CrmDeals(5).facts(BACKLOG, TODAY);

        rules.score(backlog);

        assertThat(rules.perContract()).isFalse();
        // Chunks would each have crowned a largest deal of their own; the backlog has a few tied at the top value.
        double top = backlog.stream().mapToDouble(ContractFact::getDealValueBase).max().orElseThrow();
        assertThat(backlog).filteredOn(f -> f.getContributions().stream().anyMatch(c -> c.rule().equals("Largest deal")))
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(backlog.stream().filter(f -> f.getDealValueBase() == top).toList());
    }

    private static List<Contribution> byRule(ContractFact fact) {
        return fact.getContributions().stream().sorted(Comparator.comparing(Contribution::rule)).toList();
    }
}
