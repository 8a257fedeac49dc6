package dev.docket.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RankSnapshotRepository extends CrudRepository<RankSnapshot, Long> {

    Optional<RankSnapshot> findFirstByTakenAtLessThanEqualsOrderByIdDesc(Instant at);

    Optional<RankSnapshot> findFirstOrderByIdAsc();

    List<RankSnapshot> findByTakenAtGreaterThanAndTakenAtLessThanEqualsOrderById(Instant from, Instant to);

    @Query("SELECT COALESCE(MAX(id), 0) FROM rank_move WHERE instance_id = :instanceId")
    long lastMoveIdOf(String instanceId);

    Optional<RankSnapshot> findFirstByInstanceIdAndTakenAtLessThanEqualsOrderByIdDesc(String instanceId, Instant at);

    Optional<RankSnapshot> findFirstByInstanceIdOrderByIdAsc(String instanceId);

    List<RankSnapshot> findByInstanceIdAndTakenAtGreaterThanAndTakenAtLessThanEqualsOrderById(String instanceId, Instant from,
                                                                                            Instant to);
}
