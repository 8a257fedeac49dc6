package dev.docket.approval;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.docket.contract.ApprovalHolds;
import jakarta.inject.Singleton;

/**
 * Approvals as readiness and the rules see them: a pending request holds a contract back, and the
 * latest decision is when it may count as ready again. Bulk methods take one query for any number of contracts.
 */
@Singleton
public class ApprovalReadiness implements ApprovalHolds {

    private static final Comparator<Approval> OLDEST_FIRST = Comparator.comparing(Approval::requestedAt)
            .thenComparing(Approval::id);

    private final ApprovalRepository approvals;

    ApprovalReadiness(ApprovalRepository approvals) {
        this.approvals = approvals;
    }

    @Override
    public Hold of(long contractId) {
        return hold(approvals.findByContractIdOrderById(contractId));
    }

    @Override
    public Map<Long, Hold> of(Collection<Long> contractIds) {
        if (contractIds.isEmpty()) {
            return Map.of();
        }
        return approvals.findByContractIdIn(contractIds).stream()
                .collect(Collectors.groupingBy(Approval::contractId, Collectors.collectingAndThen(Collectors.toList(),
                        ApprovalReadiness::hold)));
    }

    /** Pending requests per contract as "decision maker: question", oldest first; contracts without any are absent. */
    public Map<Long, List<String>> pendingByContract(Collection<Long> contractIds) {
        if (contractIds.isEmpty()) {
            return Map.of();
        }
        return approvals.findByContractIdInAndStatus(contractIds, ApprovalStatus.PENDING).stream()
                .sorted(OLDEST_FIRST)
                .collect(Collectors.groupingBy(Approval::contractId,
                        Collectors.mapping(Approval::gateText, Collectors.toList())));
    }

    private static Hold hold(List<Approval> all) {
        int pending = 0;
        Instant lastDecided = null;
        for (Approval a : all) {
            if (a.status() == ApprovalStatus.PENDING) {
                pending++;
            } else if (a.decidedAt() != null && (lastDecided == null || a.decidedAt().isAfter(lastDecided))) {
                lastDecided = a.decidedAt();
            }
        }
        return new Hold(pending, lastDecided);
    }
}
