package dev.docket.flow;

import java.util.List;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface StatusTransitionRepository extends CrudRepository<StatusTransition, Long> {

    @Query("SELECT * FROM status_transition WHERE contract_id = :contractId ORDER BY moved_at, id")
    List<StatusTransition> history(long contractId);

    @Query("SELECT DISTINCT contract_id FROM status_transition")
    List<Long> contractIds();
}
