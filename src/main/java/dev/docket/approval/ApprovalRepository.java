package dev.docket.approval;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ApprovalRepository extends CrudRepository<Approval, Long> {

    List<Approval> findByContractIdOrderById(Long contractId);

    List<Approval> findByContractIdIn(Collection<Long> contractIds);

    List<Approval> findByContractIdInAndStatus(Collection<Long> contractIds, ApprovalStatus status);

    List<Approval> findByStatus(ApprovalStatus status);

    /** Every approval of an open contract, without sending their ids: a backlog may hold more than an IN list can. */
    @Query("SELECT a.* FROM contract_approval a JOIN contract c ON c.id = a.contract_id "
            + "WHERE c.status IN ('SUBMITTED', 'IN_REVIEW', 'WAITING_ON_SALES')")
    List<Approval> findOfOpenContracts();

    /**
     * Reads the approval and locks its row, as the first statement of a decision: a locking read opens no
     * snapshot, so what the decision reads after locking the contract (gates, other approvals) is current.
     */
    @Query("SELECT * FROM contract_approval WHERE id = :id FOR UPDATE")
    Optional<Approval> lockById(long id);

    List<Approval> findByDecisionMakerAndStatus(String decisionMaker, ApprovalStatus status);

    /**
     * Records a decision only if none was recorded yet, so of two deciders racing, exactly one wins;
     * returns 0 for the loser.
     */
    @Query("UPDATE contract_approval SET status = :status, decided_by = :decidedBy, decided_at = :decidedAt, "
            + "decision_comment = :comment WHERE id = :id AND status = 'PENDING'")
    int decideIfPending(long id, String status, String decidedBy, Instant decidedAt, @Nullable String comment);
}
