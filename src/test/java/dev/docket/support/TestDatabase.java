package dev.docket.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A database of the test's own, made fresh for each test context and dropped afterwards, so no test
 * depends on what another run left behind. Embedded H2 by default; DOCKET_TEST_DB=mariadb uses the
 * server at DOCKET_TEST_MARIADB_URL (default jdbc:mariadb://127.0.0.1:3306/, user root, empty password),
 * through MariaDB's own driver for jdbc:mariadb: URLs (MySQL's driver would drop fractional seconds there)
 * and MySQL's for jdbc:mysql: URLs, so the same suite also runs against MySQL.
 */
public final class TestDatabase {

    private final String name = "docket_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final boolean mariadb = "mariadb".equalsIgnoreCase(env("DOCKET_TEST_DB", "h2"));
    private final String serverUrl = env("DOCKET_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    private final String user = env("DOCKET_TEST_MARIADB_USER", "root");
    private final String password = env("DOCKET_TEST_MARIADB_PASSWORD", "");
    private Map<String, String> properties;
    private boolean created;

    /** The settings that point Docket at this database; on MariaDB the first call creates it. */
    public synchronized Map<String, String> properties() {
        if (properties != null) {
            return properties;
        }
        if (!mariadb) {
            properties = Map.of(
                    "datasources.default.url", "jdbc:h2:mem:" + name + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                    "datasources.default.username", "sa",
                    "datasources.default.password", "");
            return properties;
        }
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        created = true;
        properties = Map.of(
                "datasources.default.url", url(name),
                "datasources.default.username", user,
                "datasources.default.password", password,
                "datasources.default.driver-class-name", driverClass());
        return properties;
    }

    /** A plain connection to this database, outside Docket, for what a test reads or writes behind its back. */
    public Connection connect() throws SQLException {
        Map<String, String> p = properties();
        return DriverManager.getConnection(p.get("datasources.default.url"), p.get("datasources.default.username"),
                p.get("datasources.default.password"));
    }

    /** The JDBC URL of this test's database (or of the server, for an empty name), with the driver's options. */
    public String url(String database) {
        return serverUrl + database + (serverUrl.startsWith("jdbc:mariadb:") ? "" : "?useSSL=false&allowPublicKeyRetrieval=true");
    }

    public String driverClass() {
        return serverUrl.startsWith("jdbc:mariadb:") ? "org.mariadb.jdbc.Driver" : "com.mysql.cj.jdbc.Driver";
    }

    public String name() {
        return name;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isMariadb() {
        return mariadb;
    }

    public synchronized void drop() {
        if (created) {
            execute("DROP DATABASE IF EXISTS " + name);
            created = false;
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url(""), user, password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on " + serverUrl
                    + " (set DOCKET_TEST_MARIADB_URL/_USER/_PASSWORD): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
