package dev.docket.contract;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import dev.docket.support.DatabaseTest;
import dev.docket.system.Setting;
import dev.docket.system.SettingRepository;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Start-up re-derives every open contract's readySince only when the readiness policy differs from the one the
 * backlog was last reconciled with; with the same policy it leaves the backlog alone instead of reading all of it.
 */
@MicronautTest(transactional = false)
class ReadinessReconcilerIT extends DatabaseTest {

    @Inject
    ReadinessReconciler reconciler;

    @Inject
    ReadinessPolicy policy;

    @Inject
    SettingRepository settings;

    @Test
    void startUp_recordsThePolicyItReconciledWith() {
        assertThat(settings.findById(ReadinessReconciler.POLICY_SETTING)).get()
                .extracting(Setting::content).isEqualTo(policy.fingerprint());
    }

    @Test
    void samePolicy_leavesStoredReadinessAlone_changedPolicy_reDerivesIt() {
        ContractView created = api.create(contract("RECON-1", "gates", allGatesPassed()));
        Contract stored = contractRepository.findById(created.id()).orElseThrow();
        Instant derived = stored.readySince();
        assertThat(derived).isNotNull();
        // As if the contract had been stored under a policy that required a gate it never passed.
        contractRepository.update(stored.withReadySince(null, stored.updatedAt()));

        reconciler.seed();
        assertThat(contractRepository.findById(created.id()).orElseThrow().readySince()).isNull();

        settings.update(new Setting(ReadinessReconciler.POLICY_SETTING, "a policy since changed", Instant.now()));
        reconciler.seed();
        assertThat(contractRepository.findById(created.id()).orElseThrow().readySince()).isEqualTo(derived);
        assertThat(settings.findById(ReadinessReconciler.POLICY_SETTING)).get()
                .extracting(Setting::content).isEqualTo(policy.fingerprint());
    }
}
