package dev.docket.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Data gates: required of no type, but blocking the contract on which one is recorded as not passed. */
class ReadinessPolicyTest {

    final ReadinessPolicy policy = new ReadinessPolicy(new ReadinessProperties(List.of("signatory-known"),
            Map.of("nda", List.of()), List.of("account-named")));
    final Instant submitted = Instant.parse("2026-01-05T09:00:00Z");

    Gate gate(String name, boolean passed, String at) {
        return new Gate(1L, 7L, name, passed, Instant.parse(at), "test");
    }

    @Test
    void aDataGateIsKnownButRequiredOfNoType() {
        assertThat(policy.knownGates()).contains("account-named", "signatory-known");
        assertThat(policy.requiredFor(ContractType.MSA)).containsExactly("signatory-known");
        assertThat(policy.missing(ContractType.NDA, List.of())).isEmpty();
        assertThat(policy.readySince(ContractType.NDA, submitted, List.of())).isEqualTo(submitted);
    }

    @Test
    void aDataGateRecordedAsNotPassedBlocksUntilItPasses() {
        Gate open = gate("account-named", false, "2026-01-06T10:00:00Z");
        assertThat(policy.missing(ContractType.NDA, List.of(open))).containsExactly("account-named");
        assertThat(policy.readySince(ContractType.NDA, submitted, List.of(open))).isNull();
        assertThat(policy.missing(ContractType.MSA, List.of(open, gate("signatory-known", true, "2026-01-06T11:00:00Z"))))
                .containsExactly("account-named");

        Gate passed = gate("account-named", true, "2026-01-08T10:00:00Z");
        assertThat(policy.missing(ContractType.NDA, List.of(passed))).isEmpty();
        assertThat(policy.readySince(ContractType.NDA, submitted, List.of(passed)))
                .as("ready from when the data gate passed").isEqualTo(passed.changedAt());
        assertThat(policy.readySince(ContractType.MSA, submitted, List.of(passed))).as("signatory-known still open").isNull();
    }

    @Test
    void theFingerprintChangesWithTheDataGatesSoStoredReadinessIsReconciled() {
        ReadinessPolicy without = new ReadinessPolicy(new ReadinessProperties(List.of("signatory-known"), Map.of("nda", List.of()), null));
        assertThat(without.fingerprint()).isNotEqualTo(policy.fingerprint());
        assertThat(without.knownGates()).doesNotContain("account-named");
    }
}
