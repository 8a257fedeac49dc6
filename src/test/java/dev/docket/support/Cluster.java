package dev.docket.support;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

/**
 * Several Docket instances, each a whole application context with its own HTTP server on a free port, sharing one
 * database of the test's own (embedded H2, or MariaDB with DOCKET_TEST_DB=mariadb), as instances behind a load
 * balancer share one MySQL. Closing the cluster stops every instance and drops the database. A cluster of one is
 * how a test starts a Docket of its own settings, such as one that must refuse to start.
 *
 * <p>Each instance has a Micronaut client ({@link Instance#http()}) for tests that read answers as types, and the
 * cluster sends plain HTTP ({@link #send}) for tests that count status codes under load, as a load balancer's
 * clients would: a plain JDK client that never throws for a status and times each answer.
 */
public final class Cluster implements AutoCloseable {

    /** The test runner's token (every role, no decision makers), which each instance's client sends unless a request says otherwise. */
    public static final String RUNNER_TOKEN = "runner-" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID();

    /** Pass as the bearer token to {@link #send} a request without any Authorization header. */
    public static final String ANONYMOUS = "";

    /** Null when the test runs the database itself. */
    private final TestDatabase database;
    private final Map<String, String> properties;
    private final List<Instance> instances = new ArrayList<>();
    private final java.net.http.HttpClient plain = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One instance of the cluster: its context (for beans a test inspects) and an HTTP client pointed at it. */
    public record Instance(ApplicationContext context, EmbeddedServer server, HttpClient client) {

        public BlockingHttpClient http() {
            return client.toBlocking();
        }

        public Api api() {
            return new Api(http());
        }

        public People people() {
            return new People(http());
        }

        public <T> T bean(Class<T> type) {
            return context.getBean(type);
        }
    }

    /** A cluster of no instances yet, on a fresh database; {@code extra} settings apply to every instance. */
    public Cluster(Map<String, String> extra) {
        this(new TestDatabase(), extra);
    }

    /**
     * A cluster of no instances yet on a database the test runs itself, such as a server it freezes and kills;
     * {@code settings} name that database (datasources.default.*) and may add more. Closing the cluster leaves it be.
     */
    public static Cluster onOwnDatabase(Map<String, String> settings) {
        return new Cluster(null, settings);
    }

    private Cluster(TestDatabase database, Map<String, String> extra) {
        this.database = database;
        Map<String, String> p = new HashMap<>(database == null ? Map.of() : database.properties());
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
        return database == null || database.isMariadb();
    }

    /** Sends a request to instance {@code instance % size} as the runner over plain HTTP; never throws for a status code. */
    public Reply send(int instance, String method, String path, Object body) {
        return send(instance, method, path, body, null);
    }

    /** As {@link #send(int, String, String, Object)}, as the bearer of {@code token} (the runner's when null, none when {@link #ANONYMOUS}). */
    public Reply send(int instance, String method, String path, Object body, String token) {
        String bearerToken = token == null ? RUNNER_TOKEN : token;
        List<Instance> running = instances();
        Instance target = running.get(Math.floorMod(instance, running.size()));
        JsonMapper json = target.bean(JsonMapper.class);
        URI uri = target.server().getURI().resolve(path);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Accept", "application/json");
            if (!bearerToken.isEmpty()) {
                request.header("Authorization", "Bearer " + bearerToken);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            long start = System.nanoTime();
            HttpResponse<String> response = plain.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Retry-After").orElse(null),
                    Duration.ofNanos(System.nanoTime() - start), json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET over plain HTTP from instance {@code instance % size}, as the runner. */
    public Reply get(int instance, String path) {
        return send(instance, "GET", path, null);
    }

    /** A token an admin (the runner) creates through POST /api/admin/tokens on the first instance, acting as {@code name}. */
    public String token(String name, List<String> roles, List<String> decides) {
        Reply created = send(0, "POST", "/api/admin/tokens", Map.of("name", name, "roles", roles, "decides", decides));
        if (created.status() != 201 && created.status() != 200) {
            throw new AssertionError("could not create a token for " + name + ": " + created);
        }
        return (String) created.map().get("token");
    }

    /** One plain-HTTP answer: status, raw body, Retry-After, how long it took, and the body as JSON on demand. */
    public record Reply(int status, String body, String retryAfter, Duration took, JsonMapper json) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> map() {
            try {
                return json.readValue(body, Map.class);
            } catch (IOException e) {
                throw new AssertionError("not a JSON object (" + status + "): " + body, e);
            }
        }

        public List<Map<String, Object>> list() {
            try {
                return json.readValue(body, Argument.listOf(Argument.mapOf(String.class, Object.class)));
            } catch (IOException e) {
                throw new AssertionError("not a JSON array (" + status + "): " + body, e);
            }
        }

        public long number(String field) {
            return ((Number) map().get(field)).longValue();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
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
            if (database != null) {
                database.drop();
            }
        }
    }

    private static URL url(EmbeddedServer server) {
        return server.getURL();
    }
}
