package dev.docket.override;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OverrideRepository extends CrudRepository<ContractOverride, Long> {

    List<ContractOverride> findByContractIdOrderById(Long contractId);

    /** Approved, not revoked, not expired: in force. Pending and refused requests never count. */
    List<ContractOverride> findByContractIdAndApprovedAtIsNotNullAndRevokedAtIsNullAndExpiresAtGreaterThan(Long contractId, Instant now);

    List<ContractOverride> findByContractIdAndApprovedAtIsNullAndRefusedAtIsNullAndExpiresAtGreaterThan(Long contractId, Instant now);

    List<ContractOverride> findByContractIdInAndApprovedAtIsNotNullAndRevokedAtIsNullAndExpiresAtGreaterThan(Collection<Long> contractIds, Instant now);

    List<ContractOverride> findByApprovedAtIsNotNullAndRevokedAtIsNullAndExpiresAtGreaterThan(Instant now);

    List<ContractOverride> findByApprovedAtIsNotNullAndRevokedAtIsNullAndExpiresAtGreaterThanAndExpiresAtLessThanEquals(Instant after, Instant upTo);

    List<ContractOverride> findByCreatedAtGreaterThanEqualsAndCreatedAtLessThan(Instant from, Instant until);

    /**
     * Marks the override as the contract's active one. The unique key on active_contract_id (V25) makes the
     * database refuse a second active override per contract, whatever the application checked before.
     */
    @Query("UPDATE contract_override SET active_contract_id = contract_id WHERE id = :id")
    int markActive(long id);

    /** Frees the contract's active marker from an override that has expired by {@code now}. */
    @Query("UPDATE contract_override SET active_contract_id = NULL WHERE active_contract_id = :contractId "
            + "AND expires_at <= :now")
    int releaseExpired(long contractId, Instant now);

    /** Ends an override unless it was revoked already; returns 0 when someone else revoked it first. */
    @Query("UPDATE contract_override SET revoked_at = :at, revoked_by = :by, revoke_reason = :reason, "
            + "active_contract_id = NULL WHERE id = :id AND revoked_at IS NULL")
    int revokeIfActive(long id, Instant at, String by, String reason);

    /** Approves a pending request; 0 when someone decided it first. */
    @Query("UPDATE contract_override SET approved_at = :at, approved_by = :by "
            + "WHERE id = :id AND approved_at IS NULL AND refused_at IS NULL")
    int approveIfPending(long id, Instant at, String by);

    /** Refuses a pending request; 0 when someone decided it first. */
    @Query("UPDATE contract_override SET refused_at = :at, refused_by = :by, refuse_reason = :reason "
            + "WHERE id = :id AND approved_at IS NULL AND refused_at IS NULL")
    int refuseIfPending(long id, Instant at, String by, String reason);
}
