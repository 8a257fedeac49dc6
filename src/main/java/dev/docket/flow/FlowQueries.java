package dev.docket.flow;

import java.sql.PreparedStatement;
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
 * The flow report's aggregates, computed by the database over status_transition: a year at 100,000 contracts is
 * about 170,000 rows, which took seconds to map into Java and group there, while the database answers from its
 * indexes (V70) with a few dozen rows. The SQL runs unchanged on H2 (MySQL mode), MariaDB and MySQL 8.
 */
@Singleton
class FlowQueries {

    static final String BEFORE_VERSIONS = "(before versions were recorded)";

    /*
     * One row per deal: the contract's first READY in the period (ordered by time, then id, as recorded), then the
     * first review, close and withdrawal after it and before :until. The lifecycle never both closes and withdraws
     * one contract, so whichever of the two comes first is the deal's end. Durations are microseconds
     * (TIMESTAMPDIFF by MICROSECOND is exact on both databases; coarser units round differently on H2).
     * Each deal then appears once per dimension (all, type, team, rule version) so one pass of window functions
     * ranks waits and cycles within every group for the nearest-rank percentiles the report has always used:
     * the value at position ceil(p * n), with p bound as a double so the rounding is Java's.
     */
    private static final String GROUPS = """
            WITH first_ready AS (
              SELECT id, contract_id, moved_at, contract_type, team, rule_version,
                     ROW_NUMBER() OVER (PARTITION BY contract_id ORDER BY moved_at, id) AS n
              FROM status_transition
              WHERE state = 'READY' AND moved_at >= ? AND moved_at < ?
            ), deal AS (
              SELECT r.moved_at AS ready_at, r.contract_type, r.team, r.rule_version,
                     MIN(CASE WHEN t.state = 'IN_REVIEW' THEN t.moved_at END) AS review_at,
                     MIN(CASE WHEN t.state IN ('APPROVED', 'SIGNED') THEN t.moved_at END) AS close_at,
                     MIN(CASE WHEN t.state = 'WITHDRAWN' THEN t.moved_at END) AS withdraw_at
              FROM first_ready r
              LEFT JOIN status_transition t
                ON t.contract_id = r.contract_id
               AND t.state IN ('IN_REVIEW', 'APPROVED', 'SIGNED', 'WITHDRAWN')
               AND (t.moved_at > r.moved_at OR (t.moved_at = r.moved_at AND t.id > r.id))
               AND t.moved_at < ?
              WHERE r.n = 1
              GROUP BY r.id, r.moved_at, r.contract_type, r.team, r.rule_version
            ), ended AS (
              SELECT ready_at, contract_type, team, rule_version, review_at,
                     CASE WHEN close_at IS NOT NULL AND (withdraw_at IS NULL OR close_at <= withdraw_at)
                          THEN close_at END AS closed_at,
                     CASE WHEN withdraw_at IS NOT NULL AND (close_at IS NULL OR withdraw_at < close_at)
                          THEN 1 ELSE 0 END AS withdrawn
              FROM deal
            ), measured AS (
              SELECT contract_type, team, COALESCE(rule_version, ?) AS rule_version, withdrawn,
                     TIMESTAMPDIFF(MICROSECOND, ready_at, review_at) AS wait_us,
                     TIMESTAMPDIFF(MICROSECOND, ready_at, closed_at) AS cycle_us,
                     CASE WHEN TIMESTAMPDIFF(MICROSECOND, ready_at,
                                  COALESCE(review_at, closed_at, CASE WHEN withdrawn = 0 THEN ? END)) >= ?
                          THEN 1 ELSE 0 END AS over_level
              FROM ended
            ), keyed AS (
              SELECT 'all' AS dim, 'all' AS k, wait_us, cycle_us, withdrawn, over_level FROM measured
              UNION ALL SELECT 'type', contract_type, wait_us, cycle_us, withdrawn, over_level FROM measured
              UNION ALL SELECT 'team', team, wait_us, cycle_us, withdrawn, over_level FROM measured
              UNION ALL SELECT 'version', rule_version, wait_us, cycle_us, withdrawn, over_level FROM measured
            ), ranked AS (
              SELECT dim, k, wait_us, cycle_us, withdrawn, over_level,
                     ROW_NUMBER() OVER (PARTITION BY dim, k
                                        ORDER BY CASE WHEN wait_us IS NULL THEN 1 ELSE 0 END, wait_us) AS wait_row,
                     COUNT(wait_us) OVER (PARTITION BY dim, k) AS waits,
                     ROW_NUMBER() OVER (PARTITION BY dim, k
                                        ORDER BY CASE WHEN cycle_us IS NULL THEN 1 ELSE 0 END, cycle_us) AS cycle_row,
                     COUNT(cycle_us) OVER (PARTITION BY dim, k) AS cycles
              FROM keyed
            )
            SELECT dim, k, COUNT(*) AS deals, COUNT(wait_us) AS reviewed, COUNT(cycle_us) AS closed,
                   SUM(withdrawn) AS withdrawn, SUM(over_level) AS over_level,
                   MAX(CASE WHEN wait_row = CEILING(CAST(? AS DOUBLE) * waits) THEN wait_us END) AS wait_p50,
                   MAX(CASE WHEN wait_row = CEILING(CAST(? AS DOUBLE) * waits) THEN wait_us END) AS wait_p90,
                   MAX(CASE WHEN cycle_row = CEILING(CAST(? AS DOUBLE) * cycles) THEN cycle_us END) AS cycle_p50,
                   MAX(CASE WHEN cycle_row = CEILING(CAST(? AS DOUBLE) * cycles) THEN cycle_us END) AS cycle_p90
            FROM ranked
            GROUP BY dim, k
            """;

    /** Closures per week: the week's index counted from {@code weeksFrom} (a Monday, 00:00 UTC). */
    private static final String CLOSURES = """
            SELECT week, COUNT(*) AS closed
            FROM (SELECT FLOOR(TIMESTAMPDIFF(SECOND, ?, moved_at) / 604800) AS week
                  FROM status_transition
                  WHERE state IN ('APPROVED', 'SIGNED') AND moved_at >= ? AND moved_at < ?) closures
            GROUP BY week
            """;

    /** One group's counts and percentiles; durations in microseconds, null where the group has none. */
    record GroupRow(String dimension, String name, int deals, int reviewed, int closed, int withdrawn, int overServiceLevel,
                    @Nullable Long waitP50, @Nullable Long waitP90, @Nullable Long cycleP50, @Nullable Long cycleP90) {
    }

    private final JdbcOperations jdbc;

    FlowQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deals that became ready in [from, end), followed until {@code until}; a deal still waiting counts against the
     * service level up to {@code now}, and "over" means more than {@code serviceLevelMillis} whole milliseconds.
     */
    @Transactional(readOnly = true)
    List<GroupRow> groups(Instant from, Instant end, Instant until, Instant now, long serviceLevelMillis) {
        return jdbc.prepareStatement(GROUPS, ps -> {
            try {
                int i = 0;
                ps.setTimestamp(++i, Timestamp.from(from));
                ps.setTimestamp(++i, Timestamp.from(end));
                ps.setTimestamp(++i, Timestamp.from(until));
                ps.setString(++i, BEFORE_VERSIONS);
                ps.setTimestamp(++i, Timestamp.from(now));
                // Whole milliseconds over the level, as Duration.toMillis() counts them: at least (level + 1) ms.
                ps.setLong(++i, (serviceLevelMillis + 1) * 1000);
                ps.setDouble(++i, 50 / 100.0);
                ps.setDouble(++i, 90 / 100.0);
                ps.setDouble(++i, 50 / 100.0);
                ps.setDouble(++i, 90 / 100.0);
                return read(ps);
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        });
    }

    /** Closures per week index (0 = the week starting {@code weeksFrom}) in [from, end). */
    @Transactional(readOnly = true)
    List<long[]> closuresPerWeek(Instant weeksFrom, Instant from, Instant end) {
        return jdbc.prepareStatement(CLOSURES, ps -> {
            try {
                ps.setTimestamp(1, Timestamp.from(weeksFrom));
                ps.setTimestamp(2, Timestamp.from(from));
                ps.setTimestamp(3, Timestamp.from(end));
                List<long[]> weeks = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        weeks.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
                return weeks;
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        });
    }

    private static List<GroupRow> read(PreparedStatement ps) throws SQLException {
        List<GroupRow> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new GroupRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), nullableLong(rs, 8), nullableLong(rs, 9), nullableLong(rs, 10),
                        nullableLong(rs, 11)));
            }
        }
        return rows;
    }

    private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
