package dev.docket.crm;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.docket.contract.Contract;
import dev.docket.contract.Gate;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * Inserts an import's new contracts and gates as JDBC batches, in the transaction under way. Hand-written because
 * Micronaut Data sends one INSERT per entity for generated ids on its MySQL dialect (it cannot batch and read the
 * keys back there), which was most of an apply's time. The new ids are read back by externalRef, two columns only,
 * rather than from the batch's generated keys, which not every driver returns for a batch.
 * Values are bound as Micronaut Data binds them (an Instant as {@link Timestamp#from}), so stored rows are the same.
 */
@Singleton
class BatchInserts {

    private static final String CONTRACT = """
            INSERT INTO contract (external_ref, title, account, owner, team, product, contract_type, paper, deal_amount,
              deal_currency, expansion_amount, expansion_currency, target_close_date, status, submitted_at, ready_since,
              assignee, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String GATE = """
            INSERT INTO contract_gate (contract_id, name, passed, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)
            """;

    private final JdbcOperations jdbc;

    BatchInserts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** New contracts (id null); their version starts at 0, as a repository save starts it. */
    void contracts(List<Contract> contracts) {
        batch(CONTRACT, contracts, (ps, c) -> {
            ps.setString(1, c.externalRef());
            ps.setString(2, c.title());
            ps.setString(3, c.account());
            ps.setString(4, c.owner());
            ps.setString(5, c.team());
            ps.setString(6, c.product());
            ps.setString(7, c.contractType().name());
            ps.setString(8, c.paper().name());
            ps.setBigDecimal(9, c.dealAmount());
            ps.setString(10, c.dealCurrency());
            ps.setBigDecimal(11, c.expansionAmount());
            ps.setString(12, c.expansionCurrency());
            if (c.targetCloseDate() == null) {
                ps.setNull(13, Types.DATE);
            } else {
                ps.setDate(13, Date.valueOf(c.targetCloseDate()));
            }
            ps.setString(14, c.status().name());
            ps.setTimestamp(15, Timestamp.from(c.submittedAt()));
            ps.setTimestamp(16, c.readySince() == null ? null : Timestamp.from(c.readySince()));
            ps.setString(17, c.assignee());
            ps.setTimestamp(18, Timestamp.from(c.createdAt()));
            ps.setTimestamp(19, Timestamp.from(c.updatedAt()));
            ps.setLong(20, c.version() == null ? 0L : c.version());
        });
    }

    /** The ids of the given contracts, by externalRef; at most a chunk's worth, so one IN list. */
    Map<String, Long> ids(List<String> externalRefs) {
        if (externalRefs.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT id, external_ref FROM contract WHERE external_ref IN ("
                + String.join(", ", Collections.nCopies(externalRefs.size(), "?")) + ")";
        return jdbc.prepareStatement(sql, ps -> {
            try {
                for (int i = 0; i < externalRefs.size(); i++) {
                    ps.setString(i + 1, externalRefs.get(i));
                }
                Map<String, Long> ids = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.put(rs.getString(2), rs.getLong(1));
                    }
                }
                return ids;
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        });
    }

    /** New gates (id null) of contracts already stored. */
    void gates(List<Gate> gates) {
        batch(GATE, gates, (ps, g) -> {
            ps.setLong(1, g.contractId());
            ps.setString(2, g.name());
            ps.setBoolean(3, g.passed());
            ps.setTimestamp(4, Timestamp.from(g.changedAt()));
            ps.setString(5, g.changedBy());
        });
    }

    private interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    private <T> void batch(String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(sql, ps -> {
            try {
                for (T row : rows) {
                    binder.bind(ps, row);
                    ps.addBatch();
                }
                ps.executeBatch();
                return null;
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        });
    }
}
