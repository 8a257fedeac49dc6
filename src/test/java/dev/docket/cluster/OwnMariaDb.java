package dev.docket.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of the test's own: its own data directory under target/, a random free port on 127.0.0.1,
 * started, frozen, killed and restarted by the test. It never touches the shared server on 3306.
 */
final class OwnMariaDb implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process server;

    private OwnMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** The mariadbd binary, or null when MariaDB is not installed here. */
    static Path binary() {
        for (String candidate : List.of("/usr/sbin/mariadbd", "/usr/local/sbin/mariadbd", "/usr/bin/mariadbd")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static OwnMariaDb install(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        OwnMariaDb db = new OwnMariaDb(dir.toAbsolutePath(), freePort());
        run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + db.dir.resolve("data"), "--user=root",
                "--auth-root-authentication-method=normal", "--skip-test-db"), db.dir.resolve("install.log"));
        return db;
    }

    int port() {
        return port;
    }

    String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    void start() throws IOException, InterruptedException {
        server = new ProcessBuilder(binary().toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mysqld.sock"),
                "--pid-file=" + dir.resolve("mysqld.pid"), "--user=root", "--skip-grant-tables", "--skip-name-resolve",
                "--innodb-buffer-pool-size=32M", "--log-error=" + dir.resolve("error.log"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("mariadbd exited with " + server.exitValue() + "; see " + dir.resolve("error.log"));
            }
            try (Connection c = DriverManager.getConnection(url("") + "?connectTimeout=1000", "root", "")) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("mariadbd on port " + port + " did not answer within 60 s; see "
                + dir.resolve("error.log"), last);
    }

    void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(""), "root", "")) {
            c.createStatement().execute(sql);
        }
    }

    /** SIGSTOP: the server keeps its sockets open and answers nothing, like a hung host or a long GC pause. */
    void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGKILL, frozen or not: connections are refused until {@link #start()}. */
    void kill() throws IOException, InterruptedException {
        signal("KILL");
        server.waitFor(30, TimeUnit.SECONDS);
    }

    private void signal(String name) throws IOException, InterruptedException {
        run(List.of("kill", "-" + name, Long.toString(server.pid())), dir.resolve("signals.log"));
    }

    @Override
    public void close() {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
            try {
                server.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
