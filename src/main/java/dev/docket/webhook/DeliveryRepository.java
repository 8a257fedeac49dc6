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

    /**
     * Takes for {@code owner} those of the deliveries that no other instance holds and that are still due: the
     * condition is checked per row as it is updated, so of two instances claiming one row only one wins it.
     */
    @Query("""
            UPDATE webhook_delivery SET lease_owner = :owner, lease_until = :until WHERE id IN (:ids)
            AND status IN ('PENDING', 'FAILED') AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)""")
    int claim(Collection<Long> ids, String owner, Instant now, Instant until);

    /** What one claim took: {@code until} is that claim's own (microseconds), so it tells the claims of one owner apart. */
    List<Delivery> findByIdInAndLeaseOwnerAndLeaseUntil(Collection<Long> ids, String leaseOwner, Instant leaseUntil);

    @Query("""
            UPDATE webhook_delivery SET status = :status, attempts = attempts + 1, last_attempt_at = :at,
            last_status_code = :code, last_error = :error, next_attempt_at = :next, delivered_at = :deliveredAt,
            lease_owner = NULL, lease_until = NULL WHERE id = :id AND lease_owner = :owner""")
    int finish(long id, String owner, Delivery.Status status, Instant at, @Nullable Integer code, @Nullable String error,
               @Nullable Instant next, @Nullable Instant deliveredAt);

    /** Records that the receiver took these deliveries with {@code code}: one statement for a poll's successes. */
    @Query("""
            UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = :at,
            last_status_code = :code, last_error = NULL, next_attempt_at = NULL, delivered_at = :at, lease_owner = NULL,
            lease_until = NULL WHERE id IN (:ids) AND lease_owner = :owner""")
    int delivered(Collection<Long> ids, String owner, int code, Instant at);

    @Query("""
            UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now, lease_owner = NULL,
            lease_until = NULL WHERE id = :id AND (lease_until IS NULL OR lease_until < :now)""")
    int replay(long id, Instant now);

    /** Gives back what this instance claimed but did not send (it is shutting down), so another sends it now. */
    @Query("UPDATE webhook_delivery SET lease_owner = NULL, lease_until = NULL WHERE id IN (:ids) AND lease_owner = :owner")
    int release(Collection<Long> ids, String owner);
}
