package dev.docket.bench;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.docket.sample.CrmDeals;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpClientConfiguration;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;

/**
 * A load-test client: adds generated contracts to a running Docket through
 * {@code PUT /api/contracts/by-ref/{externalRef}}, with Micronaut's HTTP client and JSON mapper. The upsert is
 * idempotent: a second run with the same seed updates (200) what the first created (201).
 * <pre>
 * ./mvnw -Pbench -q test-compile exec:exec@load -Dload.args="--count 10000 --url http://localhost:8080"
 * </pre>
 * Writes need a token with the legal role: {@code --token} or DOCKET_TOKEN (README: Who may do what).
 */
public final class LoadContracts {

    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger updated = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final CrmDeals generator;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final BlockingHttpClient http;
    private final String url;
    private final int count;
    private final String token;

    private LoadContracts(String url, int count, long seed, String token) {
        this.token = token;
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.count = count;
        this.generator = new CrmDeals(seed);
        HttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setReadTimeout(Duration.ofSeconds(30));
        configuration.setConnectTimeout(Duration.ofSeconds(5));
        this.http = HttpClient.create(toUrl(this.url), configuration).toBlocking();
    }

    private static URL toUrl(String url) {
        try {
            return URI.create(url).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a URL: " + url, e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        // exec:exec@load passes -Dload.args as one argument.
        Map<String, String> options = options(args.length == 1 ? args[0].trim().split("\\s+") : args);
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
        System.exit(load.failed.get() > 0 ? 1 : 0);
    }

    private void work() {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            var request = generator.request(i, today);
            URI path = UriBuilder.of("/api/contracts/by-ref").path(request.externalRef()).build();
            try {
                int status = http.exchange(HttpRequest.PUT(path, request).contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(token))
                        .code();
                switch (status) {
                    case 201 -> created.incrementAndGet();
                    case 200 -> updated.incrementAndGet();
                    default -> fail(request.externalRef(), String.valueOf(status));
                }
            } catch (HttpClientResponseException e) {
                fail(request.externalRef(), e.getStatus().getCode() + " " + e.getResponse().getBody(String.class).orElse(""));
            } catch (HttpClientException e) {
                fail(request.externalRef(), e.toString());
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

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length
                    || !List.of("--count", "--url", "--seed", "--threads", "--token").contains(args[i])) {
                System.err.println("Usage: LoadContracts [--count 10000] [--url http://localhost:8080] [--seed 1] [--threads 4] [--token TOKEN]");
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
