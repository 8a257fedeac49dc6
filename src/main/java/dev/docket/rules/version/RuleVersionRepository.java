package dev.docket.rules.version;

import java.util.List;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RuleVersionRepository extends CrudRepository<RuleVersion, Long> {

    List<RuleVersion> findByHash(String hash);

    List<RuleVersion> listOrderByIdDesc();
}
