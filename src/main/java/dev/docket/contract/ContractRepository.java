package dev.docket.contract;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ContractRepository extends CrudRepository<Contract, Long>, JpaSpecificationExecutor<Contract> {

    Optional<Contract> findByExternalRef(String externalRef);

    List<Contract> findByStatusIn(Collection<ContractStatus> statuses);

    /**
     * Reads the contract and locks its row until the transaction ends. Every write path calls this before
     * anything else touches the contract or its children, so writers queue here instead of deadlocking later
     * (an insert into a child table takes a shared lock on this row through its foreign key), and reads that
     * follow in the transaction see what the previous writer committed.
     */
    @Query("SELECT * FROM contract WHERE id = :id FOR UPDATE")
    Optional<Contract> lockById(long id);

    /** {@link #lockById} by the CRM's reference, for upserts. */
    @Query("SELECT * FROM contract WHERE external_ref = :externalRef FOR UPDATE")
    Optional<Contract> lockByExternalRef(String externalRef);

    List<Contract> findByExternalRefIn(Collection<String> externalRefs);
}
