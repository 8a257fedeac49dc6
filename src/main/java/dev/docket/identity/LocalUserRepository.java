package dev.docket.identity;

import java.util.List;
import java.util.Optional;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface LocalUserRepository extends CrudRepository<LocalUser, Long> {

    Optional<LocalUser> findByUsername(String username);

    List<LocalUser> findAllOrderById();
}
