package dev.docket.webhook;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface DeliveryRepository extends CrudRepository<Delivery, Long> {

    Page<Delivery> findBySubscriptionId(long subscriptionId, Pageable pageable);

    List<Delivery> findByEventIdIn(Collection<Long> eventIds);

    @Query("""
            SELECT id FROM webhook_delivery WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at <= :now
            AND (lease_until IS NULL OR lease_until < :now) ORDER BY next_attempt_at, id LIMIT :limit""")
    List<Long> due(Instant now, int limit);

    /** Takes the delivery for {@code owner} unless another instance holds it or it is no longer due; 1 when taken. */
    @Query("""
            UPDATE webhook_delivery SET lease_owner = :owner, lease_until = :until WHERE id = :id
            AND status IN ('PENDING', 'FAILED') AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)""")
    int claim(long id, String owner, Instant now, Instant until);

    @Query("""
            UPDATE webhook_delivery SET status = :status, attempts = attempts + 1, last_attempt_at = :at,
            last_status_code = :code, last_error = :error, next_attempt_at = :next, delivered_at = :deliveredAt,
            lease_owner = NULL, lease_until = NULL WHERE id = :id AND lease_owner = :owner""")
    int finish(long id, String owner, Delivery.Status status, Instant at, @Nullable Integer code, @Nullable String error,
               @Nullable Instant next, @Nullable Instant deliveredAt);

    @Query("""
            UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now, lease_owner = NULL,
            lease_until = NULL WHERE id = :id AND (lease_until IS NULL OR lease_until < :now)""")
    int replay(long id, Instant now);

    /** Gives back what this instance claimed but did not send (it is shutting down), so another sends it now. */
    @Query("UPDATE webhook_delivery SET lease_owner = NULL, lease_until = NULL WHERE id IN (:ids) AND lease_owner = :owner")
    int release(Collection<Long> ids, String owner);
}
