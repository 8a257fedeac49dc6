package dev.docket.flow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * This instance's copy of status_transition, each contract's moves in order, kept current by reading only the rows
 * added since the last look. A year at 100,000 contracts is 170,000 rows: reading and sorting them per report took
 * seconds, and grouping them in SQL took longer still on H2. Every instance reads the shared table before each
 * report, so a move recorded anywhere (this instance, another one, a bulk load) shows at once with no change feed.
 */
@Singleton
class FlowHistory {

    /** One transition, as much of it as the report uses; {@code at} in epoch microseconds, the column's precision. */
    record Move(long id, long contractId, String state, long at, @Nullable String ruleVersion, String contractType,
                String team) {
    }

    private static final Comparator<Move> IN_ORDER = Comparator.comparingLong(Move::at).thenComparingLong(Move::id);
    private static final String COLUMNS = "SELECT id, contract_id, state, moved_at, rule_version, contract_type, team FROM status_transition";

    private final JdbcOperations jdbc;
    private final Map<Long, Move[]> byContract = new ConcurrentHashMap<>();
    private final Map<String, String> strings = new HashMap<>();
    private boolean loaded;
    private long highestId;
    private long rows;

    FlowHistory(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Every contract's moves ordered by time, then id, as the table holds them now. */
    @Transactional(readOnly = true)
    synchronized List<Move[]> contracts() {
        refresh();
        return List.copyOf(byContract.values());
    }

    private void refresh() {
        if (!loaded) {
            reload();
            return;
        }
        long[] countAndMax = longs("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM status_transition", -1);
        if (countAndMax[0] == rows && countAndMax[1] == highestId) {
            return;
        }
        if (countAndMax[0] < rows || countAndMax[1] < highestId) {
            reload(); // rows were deleted: only tests and manual repairs do that
            return;
        }
        List<Move> added = read(COLUMNS + " WHERE id > ?", highestId);
        long top = added.stream().mapToLong(Move::id).max().orElse(highestId);
        // Ids are handed out before commit, so a transaction may commit a lower id than one already seen: the count
        // up to the highest id tells, and then the whole table is read again (rare: two writes racing a report).
        if (longs("SELECT COUNT(*), 0 FROM status_transition WHERE id <= ?", top)[0] != rows + added.size()) {
            reload();
            return;
        }
        merge(added);
        rows += added.size();
        highestId = top;
    }

    private void reload() {
        List<Move> all = read(COLUMNS + " WHERE id > ?", Long.MIN_VALUE);
        byContract.clear();
        merge(all);
        rows = all.size();
        highestId = all.stream().mapToLong(Move::id).max().orElse(0);
        loaded = true;
    }

    private void merge(List<Move> added) {
        Map<Long, List<Move>> grouped = new HashMap<>();
        for (Move m : added) {
            grouped.computeIfAbsent(m.contractId(), k -> new ArrayList<>()).add(m);
        }
        grouped.forEach((contract, moves) -> {
            Move[] old = byContract.getOrDefault(contract, new Move[0]);
            Move[] merged = Arrays.copyOf(old, old.length + moves.size());
            for (int i = 0; i < moves.size(); i++) {
                merged[old.length + i] = moves.get(i);
            }
            Arrays.sort(merged, IN_ORDER);
            byContract.put(contract, merged);
        });
    }

    private List<Move> read(String sql, long afterId) {
        return jdbc.prepareStatement(sql, ps -> {
            try {
                ps.setLong(1, afterId);
                ps.setFetchSize(1000);
                List<Move> moves = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp at = rs.getTimestamp(4);
                        long micros = Math.floorDiv(at.getTime(), 1000L) * 1_000_000L + at.getNanos() / 1000;
                        moves.add(new Move(rs.getLong(1), rs.getLong(2), shared(rs.getString(3)), micros,
                                shared(rs.getString(5)), shared(rs.getString(6)), shared(rs.getString(7))));
                    }
                }
                return moves;
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        });
    }

    /** Type, team, state and version repeat on every row: one copy of each keeps the history small. */
    private @Nullable String shared(@Nullable String s) {
        return s == null ? null : strings.computeIfAbsent(s, k -> k);
    }

    private long[] longs(String sql, long parameter) {
        return jdbc.prepareStatement(sql, ps -> {
            try {
                if (parameter >= 0) {
                    ps.setLong(1, parameter);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2)};
                }
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        });
    }
}
