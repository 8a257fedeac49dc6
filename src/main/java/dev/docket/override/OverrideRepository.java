package dev.docket.override;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OverrideRepository extends CrudRepository<ContractOverride, Long> {

    List<ContractOverride> findByContractIdOrderById(Long contractId);

    List<ContractOverride> findByContractIdAndRevokedAtIsNullAndExpiresAtGreaterThan(Long contractId, Instant now);

    List<ContractOverride> findByContractIdInAndRevokedAtIsNullAndExpiresAtGreaterThan(Collection<Long> contractIds, Instant now);

    List<ContractOverride> findByRevokedAtIsNullAndExpiresAtGreaterThan(Instant now);

    List<ContractOverride> findByRevokedAtIsNullAndExpiresAtGreaterThanAndExpiresAtLessThanEquals(Instant after, Instant upTo);

    List<ContractOverride> findByCreatedAtGreaterThanEqualsAndCreatedAtLessThan(Instant from, Instant until);

    /** Locks the contract row, so two requests cannot both find no active override and both add one. */
    @Query("SELECT id FROM contract WHERE id = :contractId FOR UPDATE")
    Optional<Long> lockContract(long contractId);

    /** Ends an override unless it was revoked already; returns 0 when someone else revoked it first. */
    @Query("UPDATE contract_override SET revoked_at = :at, revoked_by = :by, revoke_reason = :reason "
            + "WHERE id = :id AND revoked_at IS NULL")
    int revokeIfActive(long id, Instant at, String by, String reason);
}
