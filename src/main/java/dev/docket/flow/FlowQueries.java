package dev.docket.flow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The period's status transitions as the flow report reads them: the columns it needs, straight from JDBC. Mapping
 * each row to an entity through the repository cost most of the report's time at 100,000 contracts; grouping in SQL
 * (tried: window functions over a join of the table with itself) was slower still on H2.
 */
@Singleton
class FlowQueries {

    /** One transition, as much of it as the report uses. */
    record Row(long contractId, String state, Instant movedAt, @Nullable String ruleVersion, String contractType,
               String team) {
    }

    private static final String BETWEEN = """
            SELECT contract_id, state, moved_at, rule_version, contract_type, team
            FROM status_transition WHERE moved_at >= ? AND moved_at < ? ORDER BY moved_at, id
            """;

    private final JdbcOperations jdbc;

    FlowQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<Row> between(Instant from, Instant until) {
        return jdbc.prepareStatement(BETWEEN, ps -> {
            try {
                ps.setTimestamp(1, Timestamp.from(from));
                ps.setTimestamp(2, Timestamp.from(until));
                ps.setFetchSize(1000);
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getLong(1), rs.getString(2).intern(), rs.getTimestamp(3).toInstant(),
                                rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        });
    }
}
