package dev.docket.rules.version;

import java.util.List;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RuleVersionFileRepository extends CrudRepository<RuleVersionFile, Long> {

    List<RuleVersionFile> findByVersionIdOrderByPath(Long versionId);
}
