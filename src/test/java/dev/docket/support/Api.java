package dev.docket.support;

import java.util.HashMap;
import java.util.Map;

import dev.docket.contract.ContractView;
import dev.docket.system.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

/** Small helpers over the real HTTP API, so tests read as the calls a client makes. */
public final class Api {

    private final BlockingHttpClient http;

    public Api(BlockingHttpClient http) {
        this.http = http;
    }

    /** A valid contract body; tests override just the fields they care about. */
    public static Map<String, Object> contract(String externalRef, Object... overrides) {
        Map<String, Object> body = new HashMap<>();
        body.put("externalRef", externalRef);
        body.put("title", "MSA for " + externalRef);
        body.put("account", "Acme Corporation");
        body.put("owner", "Darcel Schlecht");
        body.put("team", "Central");
        body.put("product", "GTX Pro");
        body.put("contractType", "MSA");
        body.put("paper", "OURS");
        body.put("dealValue", Map.of("amount", 48210, "currency", "USD"));
        body.put("expansionPotential", Map.of("amount", 120000, "currency", "USD"));
        body.put("targetCloseDate", "2026-12-15");
        return change(body, overrides);
    }

    /** Changes these fields of {@code body} (key, value, ...), where a null value removes the field, and returns it. */
    public static Map<String, Object> change(Map<String, Object> body, Object... changes) {
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                body.remove((String) changes[i]);
            } else {
                body.put((String) changes[i], changes[i + 1]);
            }
        }
        return body;
    }

    public static Map<String, Boolean> allGatesPassed() {
        return Map.of("commercial-terms-agreed", true, "pricing-approved", true,
                "security-review-done", true, "signatory-known", true);
    }

    public ContractView create(Map<String, Object> body) {
        return http.exchange(HttpRequest.POST("/api/contracts", body), ContractView.class).body();
    }

    public <T> T get(String uri, Class<T> type) {
        return http.retrieve(HttpRequest.GET(uri), type);
    }

    public <T> HttpResponse<T> exchange(HttpRequest<?> request, Class<T> type) {
        return http.exchange(request, type);
    }

    /** Sends a request that must fail, and returns the status and problem body it failed with. */
    public Failure fail(HttpRequest<?> request) {
        try {
            HttpResponse<String> response = http.exchange(request, String.class);
            throw new AssertionError("expected an error but got " + response.code() + ": " + response.body());
        } catch (HttpClientResponseException e) {
            return new Failure(e.getStatus().getCode(), e.getResponse().getContentType().map(MediaType::toString).orElse(""),
                    e.getResponse().getBody(Problem.class).orElseThrow(() -> new AssertionError(
                            "the " + e.getStatus() + " response has no problem body: " + e.getResponse().getBody(String.class).orElse("<empty>"))));
        }
    }

    public static HttpRequest<String> json(String method, String uri, String rawBody) {
        return HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), uri)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(rawBody);
    }

    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    public record Failure(int status, String contentType, Problem problem) {
    }
}
