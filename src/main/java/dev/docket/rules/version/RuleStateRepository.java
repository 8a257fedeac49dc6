package dev.docket.rules.version;

import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RuleStateRepository extends CrudRepository<RuleState, Long> {

    /** Reads the live pointer and holds its row lock until commit, so activations compare-and-set one at a time. */
    @Query("SELECT * FROM rule_state WHERE id = :id FOR UPDATE")
    Optional<RuleState> lockById(long id);
}
