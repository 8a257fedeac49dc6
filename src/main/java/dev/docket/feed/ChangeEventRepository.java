package dev.docket.feed;

import java.util.Collection;
import java.util.List;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ChangeEventRepository extends CrudRepository<ChangeEvent, Long> {

    @Query("SELECT COALESCE(MAX(id), 0) FROM change_event")
    long head();

    @Query("SELECT * FROM change_event WHERE id > :after ORDER BY id LIMIT :limit")
    List<ChangeEvent> after(long after, int limit);

    List<ChangeEvent> findByIdInOrderById(Collection<Long> ids);

    @Query("SELECT id FROM change_event WHERE id > :after AND id <= :upTo")
    List<Long> idsBetween(long after, long upTo);
}
