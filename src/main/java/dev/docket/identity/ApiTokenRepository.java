package dev.docket.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ApiTokenRepository extends CrudRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findAllOrderById();

    @Query("UPDATE api_token SET last_used_at = :at WHERE id = :id")
    void touch(long id, Instant at);

    /** Revokes unless already revoked; 0 when it was. */
    @Query("UPDATE api_token SET revoked_at = :at, revoked_by = :by WHERE id = :id AND revoked_at IS NULL")
    int revokeIfActive(long id, Instant at, String by);
}
