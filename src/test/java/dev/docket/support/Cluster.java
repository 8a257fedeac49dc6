package dev.docket.support;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;

/**
 * Several Docket instances, each a whole application context with its own HTTP server on a free port, sharing one
 * database of the test's own (embedded H2, or MariaDB with DOCKET_TEST_DB=mariadb), as instances behind a load
 * balancer share one MySQL. Closing the cluster stops every instance and drops the database. A cluster of one is
 * how a test starts a Docket of its own settings, such as one that must refuse to start.
 */
public final class Cluster implements AutoCloseable {

    /** The test runner's token (every role, no decision makers), which each instance's client sends unless a request says otherwise. */
    public static final String RUNNER_TOKEN = "runner-" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID();

    private final TestDatabase database = new TestDatabase();
    private final Map<String, String> properties;
    private final List<Instance> instances = new ArrayList<>();

    /** One instance of the cluster: its context (for beans a test inspects) and an HTTP client pointed at it. */
    public record Instance(ApplicationContext context, EmbeddedServer server, HttpClient client) {

        public BlockingHttpClient http() {
            return client.toBlocking();
        }

        public Api api() {
            return new Api(http());
        }

        public <T> T bean(Class<T> type) {
            return context.getBean(type);
        }
    }

    /** A cluster of no instances yet, on a fresh database; {@code extra} settings apply to every instance. */
    public Cluster(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(database.properties());
        p.put("micronaut.server.port", "-1");
        p.put("docket.security.initial-token", RUNNER_TOKEN);
        p.put("docket.security.initial-token-roles", "admin,legal,approver,rules-author,rules-admin,metrics");
        p.putAll(extra);
        this.properties = Map.copyOf(p);
    }

    /** Starts one more instance and waits until it serves. */
    public Instance start() {
        return start(Map.of());
    }

    /** Starts one more instance with settings of its own on top of the cluster's. */
    public Instance start(Map<String, String> own) {
        Map<String, Object> p = new HashMap<>(properties);
        p.putAll(own);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p, "test");
        // A client of the instance's own context, so TestRunnerToken (a client filter) signs its requests as the runner.
        HttpClient client = server.getApplicationContext().createBean(HttpClient.class, url(server));
        Instance instance = new Instance(server.getApplicationContext(), server, client);
        synchronized (instances) {
            instances.add(instance);
        }
        return instance;
    }

    public Instance get(int index) {
        synchronized (instances) {
            return instances.get(index);
        }
    }

    public List<Instance> instances() {
        synchronized (instances) {
            return List.copyOf(instances);
        }
    }

    /** A plain connection to the cluster's database, outside every instance, for what a test does behind their backs. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(properties.get("datasources.default.url"),
                properties.get("datasources.default.username"), properties.get("datasources.default.password"));
    }

    public boolean isMariadb() {
        return database.isMariadb();
    }

    /** Stops one instance as a crash or a rolling deploy would, leaving the others running. */
    public void stop(Instance instance) {
        instance.client().close();
        instance.server().stop();
        instance.context().close();
        synchronized (instances) {
            instances.remove(instance);
        }
    }

    @Override
    public void close() {
        try {
            for (Instance instance : instances()) {
                stop(instance);
            }
        } finally {
            database.drop();
        }
    }

    private static URL url(EmbeddedServer server) {
        return server.getURL();
    }
}
