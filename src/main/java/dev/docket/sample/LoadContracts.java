package dev.docket.sample;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads generated contracts into a running Docket through {@code PUT /api/contracts/by-ref/{externalRef}}.
 * The upsert is idempotent: a second run with the same seed updates (200) what the first created (201).
 * <pre>
 * ./mvnw -q compile exec:exec -Dexec.args="-cp %classpath dev.docket.sample.LoadContracts --count 10000 --url http://localhost:8080"
 * </pre>
 * (exec:exec, not exec:java: the Micronaut parent configures exec arguments that exec:java cannot parse.)
 * Writes need a token with the legal role: {@code --token} or DOCKET_TOKEN (README: Who may do what).
 */
public final class LoadContracts {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger updated = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final ContractGenerator generator;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final String url;
    private final int count;
    private final String token;

    private LoadContracts(String url, int count, long seed, String token) {
        this.token = token;
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.count = count;
        this.generator = new ContractGenerator(seed);
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = options(args);
        int count = Integer.parseInt(options.getOrDefault("count", "10000"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "4"));
        LoadContracts load = new LoadContracts(options.getOrDefault("url", "http://localhost:8080"), count,
                Long.parseLong(options.getOrDefault("seed", "1")),
                options.getOrDefault("token", System.getenv().getOrDefault("DOCKET_TOKEN", "")));
        System.out.printf("Loading %d contracts into %s with %d threads%n", count, load.url, threads);
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(load::work, "load-" + i);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "Done: %d created, %d updated, %d failed in %.1f s (%.0f contracts/s)%n",
                load.created.get(), load.updated.get(), load.failed.get(), seconds, count / seconds);
        if (load.failed.get() > 0) {
            System.exit(1);
        }
    }

    private void work() {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            var request = generator.request(i, today);
            HttpRequest put = HttpRequest.newBuilder(URI.create(url + "/api/contracts/by-ref/"
                            + URLEncoder.encode(request.externalRef(), StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .PUT(HttpRequest.BodyPublishers.ofString(ContractJson.of(request)))
                    .build();
            try {
                HttpResponse<String> response = http.send(put, HttpResponse.BodyHandlers.ofString());
                switch (response.statusCode()) {
                    case 201 -> created.incrementAndGet();
                    case 200 -> updated.incrementAndGet();
                    default -> fail(request.externalRef(), response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                fail(request.externalRef(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            int finished = done.incrementAndGet();
            if (finished % 1000 == 0) {
                System.out.printf("  %d / %d%n", finished, count);
            }
        }
    }

    private void fail(String ref, String why) {
        // Print the first few failures whole; after that only count them.
        if (failed.incrementAndGet() <= 5) {
            System.err.println("  " + ref + " failed: " + why);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length
                    || !List.of("--count", "--url", "--seed", "--threads").contains(args[i])) {
                System.err.println("Usage: LoadContracts [--count 10000] [--url http://localhost:8080] [--seed 1] [--threads 4]");
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
