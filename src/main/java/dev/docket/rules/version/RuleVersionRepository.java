package dev.docket.rules.version;

import java.util.List;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RuleVersionRepository extends CrudRepository<RuleVersion, Long> {

    List<RuleVersion> findByHash(String hash);

    List<RuleVersion> listOrderByIdDesc();

    /** Marks the first recording of its hash; the unique key on first_hash (V27) refuses a second one. */
    @Query("UPDATE rule_version SET first_hash = hash WHERE id = :id")
    int markFirstOfHash(long id);
}
