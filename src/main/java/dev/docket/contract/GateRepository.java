package dev.docket.contract;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface GateRepository extends CrudRepository<Gate, Long> {

    List<Gate> findByContractIdOrderByName(Long contractId);

    List<Gate> findByContractIdIn(Collection<Long> contractIds);

    Optional<Gate> findByContractIdAndName(Long contractId, String name);
}
