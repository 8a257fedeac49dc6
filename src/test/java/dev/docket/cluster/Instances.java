package dev.docket.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

/**
 * Several Docket application contexts on one database, each with its own HTTP server on a random port,
 * reached over real HTTP by a plain JDK client, as a load balancer's clients would reach them.
 */
final class Instances implements AutoCloseable {

    /** The test runner's token (every role, no decision makers), stored as each instance's initial token and sent unless a request says otherwise. */
    static final String RUNNER_TOKEN = "runner-" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID();

    /** Pass as the bearer token to send a request without any Authorization header. */
    static final String ANONYMOUS = "";

    private final List<EmbeddedServer> servers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private JsonMapper json;

    /** Starts {@code count} instances, one after the other (each migrates the schema on its own start). */
    static Instances start(int count, Map<String, String> properties) {
        Instances instances = new Instances();
        for (int i = 0; i < count; i++) {
            instances.add(properties);
        }
        return instances;
    }

    void add(Map<String, String> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("micronaut.server.port", -1);
        all.putIfAbsent("docket.security.initial-token", RUNNER_TOKEN);
        all.putIfAbsent("docket.security.initial-token-roles", "admin,legal,approver,rules-author,rules-admin,metrics");
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, all, "test");
        if (json == null) {
            json = server.getApplicationContext().getBean(JsonMapper.class);
        }
        servers.add(server);
    }

    int size() {
        return servers.size();
    }

    ApplicationContext context(int instance) {
        return servers.get(instance).getApplicationContext();
    }

    EmbeddedServer server(int instance) {
        return servers.get(instance);
    }

    /** Sends a request to instance {@code instance % size()}; never throws for a status code. */
    Reply send(int instance, String method, String path, Object body) {
        return send(instance, method, path, body, null);
    }

    /** As {@link #send(int, String, String, Object)}, as the bearer of {@code token} (the runner's when null, none when {@link #ANONYMOUS}). */
    Reply send(int instance, String method, String path, Object body, String token) {
        String bearerToken = token == null ? RUNNER_TOKEN : token;
        URI uri = servers.get(Math.floorMod(instance, servers.size())).getURI().resolve(path);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Accept", "application/json");
            if (!bearerToken.isEmpty()) {
                request.header("Authorization", "Bearer " + bearerToken);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Retry-After").orElse(null),
                    Duration.ofNanos(System.nanoTime() - start), json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A token an admin (the runner) creates through POST /api/admin/tokens, acting as {@code name}. */
    String token(String name, List<String> roles, List<String> decides) {
        Reply created = send(0, "POST", "/api/admin/tokens", Map.of("name", name, "roles", roles, "decides", decides));
        if (created.status() != 201 && created.status() != 200) {
            throw new AssertionError("could not create a token for " + name + ": " + created);
        }
        return (String) created.map().get("token");
    }

    Reply get(int instance, String path) {
        return send(instance, "GET", path, null);
    }

    @Override
    public void close() {
        for (EmbeddedServer server : servers) {
            server.getApplicationContext().close();
        }
        servers.clear();
    }

    /** One answer: status, raw body, Retry-After, how long it took, and the body as JSON on demand. */
    record Reply(int status, String body, String retryAfter, Duration took, JsonMapper json) {

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            try {
                return json.readValue(body, Map.class);
            } catch (IOException e) {
                throw new AssertionError("not a JSON object (" + status + "): " + body, e);
            }
        }

        List<Map<String, Object>> list() {
            try {
                return json.readValue(body, Argument.listOf(Argument.mapOf(String.class, Object.class)));
            } catch (IOException e) {
                throw new AssertionError("not a JSON array (" + status + "): " + body, e);
            }
        }

        long number(String field) {
            return ((Number) map().get(field)).longValue();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
