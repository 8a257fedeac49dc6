package dev.docket.approval;

import dev.docket.audit.AuditLog;
import dev.docket.identity.Actor;
import dev.docket.identity.NotAllowedException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.docket.contract.Contract;
import dev.docket.contract.ContractClosedException;
import dev.docket.contract.ContractNotFoundException;
import dev.docket.contract.ContractRepository;
import dev.docket.contract.ContractService;
import dev.docket.feed.ChangeLog;
import dev.docket.feed.ChangeType;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Requests and decisions. Each write refreshes the contract's readiness in the same transaction
 * (a pending request holds it back; a decision restarts its ready clock), which also publishes
 * ContractChanged so the ranking takes the change in after commit.
 */
@Singleton
public class ApprovalService {

    private final ApprovalRepository approvals;
    private final ContractRepository contracts;
    private final ContractService contractService;
    private final ChangeLog changeLog;
    private final Clock clock;
    private final AuditLog audit;

    ApprovalService(ApprovalRepository approvals, ContractRepository contracts, ContractService contractService,
                    ChangeLog changeLog, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.approvals = approvals;
        this.contracts = contracts;
        this.contractService = contractService;
        this.changeLog = changeLog;
        this.clock = clock;
    }

    @Transactional
    public ApprovalView request(long contractId, ApprovalRequest body, Actor actor) {
        // Lock first: the insert below takes a shared lock on the contract through its foreign key, and
        // readiness then updates the contract; two requests holding the shared lock would deadlock.
        Contract contract = contractService.lock(contractId);
        actor.requireMayAskOn(contractId, contract.owner(), "approvals");
        if (!contract.status().isOpen()) {
            throw new ContractClosedException(contractId, contract.status(), "new approval requests");
        }
        Approval saved = approvals.save(new Approval(null, contractId, body.decisionMaker().strip(), body.question().strip(),
                ApprovalStatus.PENDING, actor.name(), now(), null, null, null));
        changeLog.contract(ChangeType.APPROVAL_REQUESTED, saved.id(), contractId, Map.of("decisionMaker", saved.decisionMaker()));
        contractService.refreshReadiness(contractId);
        ApprovalView view = ApprovalView.of(saved);
        audit.changed("approval", saved.id(), "request", null, view);
        return view;
    }

    @Transactional
    public ApprovalView decide(long approvalId, DecisionRequest body, Actor actor) {
        Approval a = approvals.lockById(approvalId).orElseThrow(() -> new ApprovalNotFoundException(approvalId));
        contractService.lock(a.contractId());
        if (!actor.decidesFor(a.decisionMaker())) {
            throw new NotAllowedException("'" + actor.name() + "' is not listed to decide for " + a.decisionMaker() + "; approval "
                    + approvalId + " is addressed to " + a.decisionMaker() + " (an admin lists decision makers on a user or token)");
        }
        if (actor.is(a.requestedBy())) {
            throw new NotAllowedException("'" + actor.name() + "' asked for approval " + approvalId + " and cannot decide it too");
        }
        if (a.status() != ApprovalStatus.PENDING) {
            throw new ApprovalAlreadyDecidedException(a);
        }
        Instant now = now();
        String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        if (approvals.decideIfPending(approvalId, body.decision().status().name(), actor.name(), now, comment) == 0) {
            throw new ApprovalAlreadyDecidedException(approvalId, a.contractId());
        }
        changeLog.contract(ChangeType.APPROVAL_DECIDED, approvalId, a.contractId(),
                Map.of("decision", body.decision().status().name()));
        contractService.refreshReadiness(a.contractId());
        ApprovalView decided = ApprovalView.of(new Approval(a.id(), a.contractId(), a.decisionMaker(), a.question(), body.decision().status(),
                a.requestedBy(), a.requestedAt(), actor.name(), now, comment));
        audit.changed("approval", approvalId, "decide", ApprovalView.of(a), decided);
        return decided;
    }

    @Transactional(readOnly = true)
    public List<ApprovalView> forContract(long contractId) {
        if (!contracts.existsById(contractId)) {
            throw new ContractNotFoundException(contractId);
        }
        return approvals.findByContractIdOrderById(contractId).stream().map(ApprovalView::of).toList();
    }

    /** A decision maker's pending requests on open contracts, oldest first: the order they should be answered in. */
    @Transactional(readOnly = true)
    public List<InboxItem> inbox(String decisionMaker) {
        List<Approval> pending = approvals.findByDecisionMakerAndStatus(decisionMaker.strip(), ApprovalStatus.PENDING)
                .stream().sorted(Comparator.comparing(Approval::requestedAt).thenComparing(Approval::id)).toList();
        if (pending.isEmpty()) {
            return List.of();
        }
        List<Long> ids = pending.stream().map(Approval::contractId).distinct().toList();
        Map<Long, Contract> open = contracts.findAll((root, cb) -> root.get("id").in(ids)).stream()
                .filter(c -> c.status().isOpen())
                .collect(Collectors.toMap(Contract::id, Function.identity()));
        return pending.stream()
                .filter(a -> open.containsKey(a.contractId()))
                .map(a -> {
                    Contract c = open.get(a.contractId());
                    return new InboxItem(a.id(), c.id(), c.title(), c.account(), a.question(), a.requestedBy(), a.requestedAt());
                })
                .toList();
    }

    /** Everyone with a pending request, for an inbox page that lets a decision maker pick their own. */
    @Transactional(readOnly = true)
    public List<String> pendingDecisionMakers() {
        return approvals.findByStatus(ApprovalStatus.PENDING).stream().map(Approval::decisionMaker).distinct().sorted().toList();
    }

    private Instant now() {
        // Stored as DATETIME(6): keep microseconds so a value reads back exactly as written.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
