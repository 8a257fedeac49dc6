package dev.docket.approval;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Above this many contracts one query for the whole backlog beats a list of ids, which databases also cap. */
    private static final int IN_LIST_LIMIT = 1_000;

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
        return only(contractIds, contractIds.size() > IN_LIST_LIMIT ? approvals.findOfOpenContracts()
                        : approvals.findByContractIdIn(contractIds)).stream()
                .collect(Collectors.groupingBy(Approval::contractId, Collectors.collectingAndThen(Collectors.toList(),
                        ApprovalReadiness::hold)));
    }

    /** Pending requests per contract as "decision maker: question", oldest first; contracts without any are absent. */
    public Map<Long, List<String>> pendingByContract(Collection<Long> contractIds) {
        if (contractIds.isEmpty()) {
            return Map.of();
        }
        return only(contractIds, contractIds.size() > IN_LIST_LIMIT ? approvals.findByStatus(ApprovalStatus.PENDING)
                        : approvals.findByContractIdInAndStatus(contractIds, ApprovalStatus.PENDING)).stream()
                .sorted(OLDEST_FIRST)
                .collect(Collectors.groupingBy(Approval::contractId,
                        Collectors.mapping(Approval::gateText, Collectors.toList())));
    }

    /** Keeps the approvals of the given contracts; a query for the whole backlog may have returned others. */
    private static List<Approval> only(Collection<Long> contractIds, List<Approval> found) {
        Set<Long> wanted = contractIds instanceof Set<Long> set ? set : new HashSet<>(contractIds);
        return found.stream().filter(a -> wanted.contains(a.contractId())).toList();
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
