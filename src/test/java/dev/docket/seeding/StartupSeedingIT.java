package dev.docket.seeding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.docket.approval.Approval;
import dev.docket.approval.ApprovalRepository;
import dev.docket.approval.ApprovalStatus;
import dev.docket.comment.CommentRepository;
import dev.docket.contract.Contract;
import dev.docket.contract.ContractStatus;
import dev.docket.override.OverrideRepository;
import dev.docket.support.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Every seeding step at once, as a demo starts: the CRM sample, its showcase and a generated backlog. Each step
 * needs the ones before it to have run and the ones after it not yet, so all three leave their mark only in the
 * stated order: the showcase finds no sample to vary if it runs first, and neither loads if the backlog does.
 */
@MicronautTest(transactional = false)
class StartupSeedingIT extends DatabaseTest {

    private static final int CRM_SAMPLE = 88;
    private static final int GENERATED = 200;

    @Inject
    StartupSeeding seeding;

    @Inject
    ApprovalRepository approvals;

    @Inject
    OverrideRepository overrides;

    @Inject
    CommentRepository comments;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("docket.sample.enabled", "true", "docket.sample.showcase", "true",
                "docket.sample.generated", String.valueOf(GENERATED));
    }

    @Test
    void everyTurnHasItsStep_inTheStatedOrder() {
        assertThat(seeding.turns()).containsExactly(SeedingStep.Turn.values());
    }

    @Test
    void theShowcaseVariesTheCrmSample_andTheGeneratedBacklogFollows_once() {
        assertThat(contractRepository.count()).isEqualTo(CRM_SAMPLE + GENERATED);
        assertThat(contractRepository.findByExternalRef("GRYHHER0")).isPresent();
        assertThat(contractRepository.findByExternalRef("GEN1-000000")).isPresent();
        assertThat(contractRepository.findByExternalRef("GEN1-000199")).isPresent();

        List<Contract> sample = contractRepository.findByStatusIn(ContractStatus.OPEN).stream()
                .filter(c -> !c.externalRef().startsWith("GEN")).toList();
        assertThat(sample).hasSize(CRM_SAMPLE);
        assertThat(sample).extracting(Contract::dealCurrency).contains("EUR", "GBP");
        assertThat(sample).extracting(Contract::status).contains(ContractStatus.IN_REVIEW, ContractStatus.WAITING_ON_SALES);
        List<Approval> ofSample = approvals.findByContractIdIn(sample.stream().map(Contract::id).toList());
        assertThat(ofSample).extracting(Approval::status)
                .contains(ApprovalStatus.PENDING, ApprovalStatus.APPROVED, ApprovalStatus.REJECTED);

        long approvalCount = approvals.count();
        long overrideCount = overrides.count();
        long commentCount = comments.count();
        seeding.onApplicationEvent(null);
        assertThat(contractRepository.count()).isEqualTo(CRM_SAMPLE + GENERATED);
        assertThat(approvals.count()).isEqualTo(approvalCount);
        assertThat(overrides.count()).isEqualTo(overrideCount);
        assertThat(comments.count()).isEqualTo(commentCount);
    }
}
