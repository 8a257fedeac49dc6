package dev.docket.history;

import java.time.Instant;
import java.util.List;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RankMoveRepository extends CrudRepository<RankMove, Long> {

    List<RankMove> findByIdGreaterThanAndMovedAtLessThanEqualsOrderById(long afterId, Instant at);

    List<RankMove> findByInstanceIdAndIdGreaterThanAndMovedAtLessThanEqualsOrderById(String instanceId, long afterId, Instant at);
}
