package dev.docket.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

/**
 * Webhook latency under load (issue 13): against a running Docket, makes {@code rate} changes a second for
 * {@code seconds} (approval requests, each an APPROVAL_REQUESTED event), with a local receiver subscribed to them,
 * and measures from sending each change to the receiver getting its signed delivery. Checks every signature and
 * counts events lost or received twice.
 * <pre>
 * ./mvnw -Pbench -q test-compile exec:exec@webhooks -Dwebhooks.args="--url http://localhost:18401 --token dkt_... --rate 100 --seconds 60"
 * </pre>
 * The token needs the admin role (to subscribe) and legal (to create the contracts it asks approvals on).
 */
public final class WebhookLatency {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.createDefault();
    private final String url;
    private final String token;
    /** Approval id → nanoTime the request that made it was sent; and → nanoTime its delivery arrived. */
    private final Map<Long, Long> sent = new ConcurrentHashMap<>();
    private final Map<Long, Long> received = new ConcurrentHashMap<>();
    /** Approval id → wall-clock ms from the event's occurredAt (its write, before commit) to its delivery's arrival. */
    private final Map<Long, Long> afterCommit = new ConcurrentHashMap<>();
    /** Nanoseconds from sending each accepted change to Docket's answer: what webhooks cost the writes. */
    private final List<Long> writes = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final AtomicInteger failedChanges = new AtomicInteger();
    private volatile String secret;

    private WebhookLatency(String url, String token) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        // exec:exec@webhooks passes -Dwebhooks.args as one argument.
        String[] words = args.length == 1 ? args[0].trim().split("\\s+") : args;
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < words.length; i += 2) {
            if (!List.of("--url", "--token", "--rate", "--seconds", "--contracts", "--subscribe").contains(words[i])) {
                System.err.println("Usage: WebhookLatency [--url http://localhost:8080] [--token TOKEN] [--rate 100] [--seconds 60] [--contracts 50] [--subscribe true|false]");
                System.exit(2);
            }
            o.put(words[i].substring(2), words[i + 1]);
        }
        WebhookLatency bench = new WebhookLatency(o.getOrDefault("url", "http://localhost:8080"),
                o.getOrDefault("token", System.getenv().getOrDefault("DOCKET_TOKEN", "")));
        bench.run(Integer.parseInt(o.getOrDefault("rate", "100")), Integer.parseInt(o.getOrDefault("seconds", "60")),
                Integer.parseInt(o.getOrDefault("contracts", "50")), Boolean.parseBoolean(o.getOrDefault("subscribe", "true")));
        System.exit(0); // the receiver's and the HTTP client's threads would keep the JVM alive
    }

    private void run(int rate, int seconds, int contractCount, boolean subscribe) throws Exception {
        HttpServer receiver = receiver();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        // Without a subscription the same changes are made, as the baseline of what the writes cost with none.
        Map<String, Object> subscription = subscribe ? call("POST", "/api/webhooks",
                Map.of("url", hook, "events", List.of("APPROVAL_REQUESTED"), "description", "webhook latency bench")) : Map.of();
        secret = (String) subscription.get("secret");
        List<Long> contracts = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < contractCount; i++) {
            contracts.add(((Number) call("POST", "/api/contracts", Map.of("externalRef", "WHB-" + run + "-" + i,
                    "title", "Webhook bench " + i, "account", "Bench", "owner", "Bench", "team", "Bench", "product", "GTX",
                    "contractType", "NDA", "paper", "OURS", "dealValue", Map.of("amount", 1000 + i, "currency", "USD"),
                    "targetCloseDate", "2027-01-15")).get("id")).longValue());
        }
        System.out.printf(Locale.ROOT, (subscribe ? "Subscribed" : "Not subscribed") + " %s; %d changes/s for %d s over %d contracts%n", hook, rate, seconds, contractCount);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        List<CompletableFuture<?>> requests = new ArrayList<>();
        for (int i = 0; i < rate * seconds; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long contract = contracts.get(i % contracts.size());
            long sentAt = System.nanoTime();
            requests.add(http.sendAsync(request("POST", "/api/contracts/" + contract + "/approvals",
                            Map.of("decisionMaker", "CFO", "question", "bench question " + i)), HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        if (failure != null || (response.statusCode() != 201 && response.statusCode() != 200)) {
                            failedChanges.incrementAndGet(); // Docket refused or timed out: no change, no event
                            return null;
                        }
                        writes.add(System.nanoTime() - sentAt);
                        sent.put(((Number) parse(response.body()).get("id")).longValue(), sentAt);
                        return null;
                    }));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
        long drainUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (subscribe && !received.keySet().containsAll(sent.keySet()) && System.nanoTime() < drainUntil) {
            Thread.sleep(100);
        }
        Thread.sleep(1000);
        if (subscribe) {
            call("DELETE", "/api/webhooks/" + subscription.get("id"), null);
        }
        receiver.stop(0);
        List<Long> writeTimes = new ArrayList<>(writes);
        writeTimes.sort(null);
        if (!writeTimes.isEmpty()) {
            System.out.printf(Locale.ROOT, "write (POST approval) at %d/s: median %.0f ms, p99 %.0f ms, max %.0f ms%n", rate,
                    ms(writeTimes, 0.50), ms(writeTimes, 0.99), writeTimes.get(writeTimes.size() - 1) / 1e6);
        }
        if (!subscribe) {
            System.out.printf(Locale.ROOT, "changes: %d sent (%d refused)%n", sent.size() + failedChanges.get(), failedChanges.get());
            return;
        }
        report(rate, seconds);
    }

    private void report(int rate, int seconds) {
        List<Long> latencies = new ArrayList<>();
        int lost = 0;
        for (Map.Entry<Long, Long> e : sent.entrySet()) {
            Long at = received.get(e.getKey());
            if (at == null) {
                lost++;
            } else {
                latencies.add(at - e.getValue());
            }
        }
        latencies.sort(null);
        System.out.printf(Locale.ROOT, "changes: %d sent (%d refused), %d delivered, %d not received within 30 s of the last change, %d duplicates, %d bad signatures%n",
                sent.size() + failedChanges.get(), failedChanges.get(), latencies.size(), lost, duplicates.get(), badSignatures.get());
        if (!latencies.isEmpty()) {
            System.out.printf(Locale.ROOT, "change -> receipt at %d/s for %d s: median %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    rate, seconds, ms(latencies, 0.50), ms(latencies, 0.90), ms(latencies, 0.99),
                    latencies.get(latencies.size() - 1) / 1e6);
            List<Long> committed = new ArrayList<>();
            afterCommit.values().forEach(millis -> committed.add(millis * 1_000_000));
            committed.sort(null);
            System.out.printf(Locale.ROOT, "event written -> receipt (occurredAt to arrival, wall clock): median %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    ms(committed, 0.50), ms(committed, 0.90), ms(committed, 0.99), committed.get(committed.size() - 1) / 1e6);
        }
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }

    private HttpServer receiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/hook", exchange -> {
            long at = System.nanoTime();
            long wallAt = System.currentTimeMillis();
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String timestamp = exchange.getRequestHeaders().getFirst("Docket-Timestamp");
                String signature = exchange.getRequestHeaders().getFirst("Docket-Signature");
                if (secret == null || !("v1=" + hmac(timestamp + "." + body)).equals(signature)) {
                    badSignatures.incrementAndGet();
                }
                Map<String, Object> event = parse(body);
                long approval = ((Number) event.get("entityId")).longValue();
                afterCommit.putIfAbsent(approval, wallAt - java.time.Instant.parse((String) event.get("occurredAt")).toEpochMilli());
                if (received.putIfAbsent(approval, at) != null) {
                    duplicates.incrementAndGet();
                }
                exchange.sendResponseHeaders(204, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return server;
    }

    private String hmac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? Map.of() : parse(response.body());
    }

    private HttpRequest request(String method, String path, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> parse(String body) {
        try {
            return json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
