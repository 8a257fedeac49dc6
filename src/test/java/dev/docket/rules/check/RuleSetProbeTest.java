package dev.docket.rules.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.docket.rules.PolicyFiles;
import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.source.RuleSource;
import dev.docket.facts.ContractFact;
import org.junit.jupiter.api.Test;

/** The probe run: its sample of contracts, and that a runaway rule is stopped rather than left running. */
class RuleSetProbeTest {

    @Test
    void theSampleCoversEveryTypePaperStatusCurrencyBoundaryApprovalOverrideAndTheNullableFields() {
        List<ContractFact> sample = RuleSetProbe.sample();

        assertThat(sample).hasSize(RuleSetProbe.SAMPLE_SIZE);
        assertThat(sample.stream().map(ContractFact::getContractType).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("NDA", "MSA", "ORDER_FORM", "DPA", "AMENDMENT", "OTHER");
        assertThat(sample.stream().map(ContractFact::getPaper).collect(Collectors.toSet())).containsExactlyInAnyOrder("OURS", "CUSTOMER");
        assertThat(sample.stream().map(ContractFact::getStatus).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("SUBMITTED", "IN_REVIEW", "WAITING_ON_SALES");
        assertThat(sample).anyMatch(ContractFact::isReady).anyMatch(f -> !f.isReady())
                .anyMatch(f -> f.getTargetCloseDate() == null).anyMatch(f -> f.getDaysToTargetClose() != null && f.getDaysToTargetClose() < 0)
                .anyMatch(f -> f.getReadySince() == null).anyMatch(f -> f.getDealValueBase() == 0)
                .anyMatch(f -> f.getDealValueBase() >= 10_000_000);
        assertThat(sample.stream().map(ContractFact::getId).collect(Collectors.toSet())).hasSize(RuleSetProbe.SAMPLE_SIZE);
        assertThat(sample.stream().map(ContractFact::getCurrency).collect(Collectors.toSet())).containsExactlyInAnyOrder("USD", "EUR", "GBP");
        assertThat(sample.stream().map(ContractFact::getDaysToTargetClose).collect(Collectors.toSet()))
                .contains(null, -1, 0, 14, 15, 30, 31);
        assertThat(sample).anyMatch(f -> f.getMissingGates().size() >= 2)
                .anyMatch(f -> !f.getPendingApprovals().isEmpty() && f.getMissingGates().isEmpty() && f.getReadySince() == null)
                .anyMatch(f -> f.getReadySince() != null && f.getBusinessDaysReady() == 0)
                .anyMatch(f -> f.getBusinessDaysReady() >= 10)
                .anyMatch(ContractFact::isPinned)
                .anyMatch(f -> f.getOverride() != null && f.getOverride().getPoints() > 0)
                .anyMatch(f -> f.getOverride() != null && f.getOverride().getPoints() < 0);
    }

    @Test
    void theRealPolicyPassesTheProbe() {
        assertThat(StandaloneChecks.probe().check(PolicyFiles.all())).isEmpty();
    }

    @Test
    void aConsequenceThatWouldNeverReturnIsRefusedBeforeAnythingRuns() {
        // The bytecode guard refuses loops, so a spinning consequence never reaches the probe's time limit.
        assertThatThrownBy(() -> RuleSetCompiler.compile(List.of(new RuleSource("spin.drl",
                CandidateCheckBadInputTest.drl("Spin: forever", "$c : ContractFact( id == 2 )", "while (true) { }")))))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("spin.drl");
                    assertThat(p.line()).isEqualTo(8);
                    assertThat(p.message()).startsWith("loops are not allowed in rules");
                }));
    }

    @Test
    void aConsequenceThatOverrunsIsAbandonedNamedAndLeavesNoThreadRunning() {
        CompiledRuleSet slow = busyForFourSeconds();
        long start = System.nanoTime();

        List<RuleProblem> problems = StandaloneChecks.probe().check(slow);

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).file()).isEqualTo("slow.drl");
        assertThat(problems.get(0).line()).isEqualTo(4);
        assertThat(problems.get(0).message()).startsWith("the rule set did not finish scoring 20 contracts within 2 s; a rule probably loops")
                .contains("rule 'Slow: one contract'").contains("contract 2");
        assertThat(millis).isLessThan(RuleSetProbe.TIME_LIMIT.toMillis() + 1_500);
        // Never stopped by force: the abandoned session halts once the consequence in progress returns.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (probeThreads(slow).stream().anyMatch(Thread::isAlive) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(probeThreads(slow)).as("probe threads still running").allMatch(t -> !t.isAlive());
    }

    @Test
    void aProbeLeftRunningOnASlowRuleDoesNotHoldUpTheNextCheck() {
        CompiledRuleSet real = PolicyFiles.all();
        assertThat(StandaloneChecks.probe().check(busyForFourSeconds())).hasSize(1);
        // The abandoned consequence keeps its thread for about 1.75 s more; the next check must not wait for it.
        long start = System.nanoTime();

        List<RuleProblem> problems = StandaloneChecks.probe().check(real);

        assertThat(problems).isEmpty();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
    }

    @Test
    void aRuleThatReTriggersItselfIsStoppedWithTheContractNamed() {
        CompiledRuleSet looping = RuleSetCompiler.compileWithoutBytecodeGuard(List.of(new RuleSource("loop.drl",
                CandidateCheckBadInputTest.drl("Loop: again", "$c : ContractFact( id == 3 )", "$c.add(1.0, \"again\");\n    update($c);"))));

        List<RuleProblem> problems = StandaloneChecks.probe().check(looping);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).contains("rule 'Loop: again' fired more than 200 times for contract 3")
                .contains("re-triggers itself");
    }

    /** Busy for 4 s on one contract: past the probe's 2 s, and it does return, as any loop-free consequence does. */
    private static CompiledRuleSet busyForFourSeconds() {
        return RuleSetCompiler.compileWithoutBytecodeGuard(List.of(new RuleSource("slow.drl",
                CandidateCheckBadInputTest.drl("Slow: one contract", "$c : ContractFact( id == 2 )",
                        "java.time.Instant end = java.time.Instant.now().plusSeconds(4);\n"
                                + "    while (java.time.Instant.now().isBefore(end)) { }\n    $c.add(1.0, \"slow\");"))));
    }

    private static Set<Thread> probeThreads(CompiledRuleSet ruleSet) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("rule-probe-" + ruleSet.version())).collect(Collectors.toSet());
    }
}
