package dev.docket.contract;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ContractRepository extends CrudRepository<Contract, Long>, JpaSpecificationExecutor<Contract> {

    Optional<Contract> findByExternalRef(String externalRef);

    List<Contract> findByStatusIn(Collection<ContractStatus> statuses);

    List<Contract> findByExternalRefIn(Collection<String> externalRefs);
}
