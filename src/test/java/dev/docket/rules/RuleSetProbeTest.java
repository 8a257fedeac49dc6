package dev.docket.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.docket.facts.ContractFact;
import org.junit.jupiter.api.Test;

/** The probe run: its sample of contracts, and that a runaway rule is stopped rather than left running. */
class RuleSetProbeTest {

    @Test
    void theSampleCoversEveryTypePaperStatusAndTheNullableFields() {
        List<ContractFact> sample = ProbeContracts.sample();

        assertThat(sample).hasSize(ProbeContracts.COUNT);
        assertThat(sample.stream().map(ContractFact::getContractType).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("NDA", "MSA", "ORDER_FORM", "DPA", "AMENDMENT", "OTHER");
        assertThat(sample.stream().map(ContractFact::getPaper).collect(Collectors.toSet())).containsExactlyInAnyOrder("OURS", "CUSTOMER");
        assertThat(sample.stream().map(ContractFact::getStatus).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("SUBMITTED", "IN_REVIEW", "WAITING_ON_SALES");
        assertThat(sample).anyMatch(ContractFact::isReady).anyMatch(f -> !f.isReady())
                .anyMatch(f -> f.getTargetCloseDate() == null).anyMatch(f -> f.getDaysToTargetClose() != null && f.getDaysToTargetClose() < 0)
                .anyMatch(f -> f.getReadySince() == null).anyMatch(f -> f.getDealValueBase() == 0)
                .anyMatch(f -> f.getDealValueBase() >= 10_000_000);
        assertThat(sample.stream().map(ContractFact::getId).collect(Collectors.toSet())).hasSize(ProbeContracts.COUNT);
    }

    @Test
    void theRealPolicyPassesTheProbe() {
        assertThat(RuleSetProbe.check(PolicyFiles.all())).isEmpty();
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
}
