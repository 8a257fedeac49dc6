package dev.docket.contract;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface GateRepository extends CrudRepository<Gate, Long> {

    List<Gate> findByContractIdOrderByName(Long contractId);

    List<Gate> findByContractIdIn(Collection<Long> contractIds);

    /** The gates of every open contract, without sending their ids: a backlog may hold more than an IN list can. */
    @Query("SELECT g.* FROM contract_gate g JOIN contract c ON c.id = g.contract_id "
            + "WHERE c.status IN ('SUBMITTED', 'IN_REVIEW', 'WAITING_ON_SALES')")
    List<Gate> findOfOpenContracts();

    Optional<Gate> findByContractIdAndName(Long contractId, String name);
}
