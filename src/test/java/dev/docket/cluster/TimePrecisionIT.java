package dev.docket.cluster;

import static dev.docket.support.Api.contract;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import dev.docket.contract.ContractView;
import dev.docket.support.DatabaseTest;
import dev.docket.support.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A stored instant reads back exactly, microseconds included, on H2 and on MariaDB (DOCKET_TEST_DB=mariadb):
 * with MySQL's driver MariaDB's "5.5.5-10.x" version made every stored time end in .000000.
 */
@MicronautTest(transactional = false)
class TimePrecisionIT extends DatabaseTest {

    static final Instant WITH_MICROS = Instant.parse("2026-11-03T14:25:36.123456Z");

    @Inject
    TestClock clock;

    @Test
    void anInstantWithMicrosecondsRoundTripsExactly() throws SQLException {
        clock.set(WITH_MICROS);
        try {
            ContractView created = api.create(contract("TIME-1"));

            assertThat(created.submittedAt()).isEqualTo(WITH_MICROS);
            assertThat(contractRepository.findById(created.id()).orElseThrow().submittedAt()).isEqualTo(WITH_MICROS);
            assertThat(api.get("/api/contracts/" + created.id(), ContractView.class).createdAt())
                    .isEqualTo(WITH_MICROS);
            // What the column itself holds, read outside Docket: the microseconds are stored, not only echoed.
            assertThat(storedText(created.id())).endsWith(".123456");
        } finally {
            clock.set(TestClock.START);
        }
    }

    private String storedText(long id) throws SQLException {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("SELECT CAST(submitted_at AS CHAR(40)) FROM contract WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
