package dev.docket.fairness;

import java.time.Instant;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface FieldChangeRepository extends CrudRepository<FieldChange, Long> {

    List<FieldChange> findByContractIdOrderById(Long contractId);

    List<FieldChange> findByChangedAtGreaterThanEqualsAndChangedAtLessThan(Instant from, Instant until);

    @Query("UPDATE contract_field_change SET rank_after = :rankAfter WHERE id = :id")
    int updateRankAfter(long id, @Nullable Integer rankAfter);
}
