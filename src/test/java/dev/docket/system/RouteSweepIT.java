package dev.docket.system;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.docket.contract.ContractView;
import dev.docket.support.DatabaseTest;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route Micronaut's router knows (not a hand-written list, so a new endpoint is swept the day it is added),
 * called with no parameters and with each path variable, query parameter and body malformed: no answer is a 5xx,
 * and every error is application/problem+json whose status matches the response.
 */
@MicronautTest(transactional = false)
class RouteSweepIT extends DatabaseTest {

    private static final List<String> BAD_VALUES = List.of("", "abc", "-1", "0", "99999999999999999999", "1.5", "true",
            "%FF", "%00", "a%20b", "\u202Eevil", "x".repeat(3000), "2026-13-45", "null");

    private static final List<String> BAD_BODIES = List.of("", "{}", "[]", "null", "123", "\"text\"", "{\"unknown\":1}",
            "{", "{}{}", "{\"a\":1,\"a\":2}", "[".repeat(5000), "{\"x\":\"" + "y".repeat(2_000_000) + "\"}");

    /** Wrong-typed values for a field, by what the field is. */
    private static final List<String> WRONG_TYPES = List.of("123", "\"text\"", "true", "[]", "{}", "-1", "1e400", "\"\\ud800\"");

    @Inject
    Router router;

    @Inject
    JsonMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, String> validPathValues = new LinkedHashMap<>();
    private int requests;

    @BeforeAll
    void seed() {
        ContractView contract = api.create(contract("SWEEP-1", "gates", allGatesPassed()));
        validPathValues.put("id", String.valueOf(contract.id()));
        validPathValues.put("externalRef", "SWEEP-1");
        validPathValues.put("gate", "pricing-approved");
        validPathValues.put("number", "1");
        validPathValues.put("approvalId", "1");
    }

    /**
     * The one place requests are built and sent, as the test runner (every role), so the sweep reaches the
     * validation behind the login rather than stopping at 401.
     */
    private Optional<HttpResponse<String>> send(String method, String pathAndQuery, String contentType, String body) {
        requests++;
        String description = method + " " + abbreviate(pathAndQuery) + (body == null ? "" : " body " + abbreviate(body));
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.getURI() + pathAndQuery))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            builder.header("Authorization", "Bearer " + RUNNER_TOKEN);
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            check(description, response);
            return Optional.of(response);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a URI the JDK client itself refuses to send is not a request Docket sees
        } catch (Exception e) {
            failures.add(description + ": no answer (" + e + ")");
            return Optional.empty();
        }
    }

    private void check(String description, HttpResponse<String> response) {
        int status = response.statusCode();
        boolean healthDown = status == 503 && description.startsWith("GET /health");
        if (status >= 500 && !healthDown) {
            failures.add(description + ": " + status + " " + abbreviate(response.body()));
            return;
        }
        // HEAD answers carry no body by definition (RFC 9110), so only their status is checked.
        if (status >= 400 && !healthDown && !description.startsWith("HEAD ")) {
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (!contentType.startsWith("application/problem+json")) {
                failures.add(description + ": " + status + " with Content-Type '" + contentType + "'");
                return;
            }
            try {
                Problem problem = json.readValue(response.body(), Problem.class);
                if (problem.status() != status || problem.detail() == null || problem.detail().isBlank()) {
                    failures.add(description + ": " + status + " with problem " + problem);
                }
            } catch (Exception e) {
                failures.add(description + ": " + status + " body is not a problem: " + abbreviate(response.body()));
            }
        }
    }

    @Test
    void noRouteAnswers5xxToAnyMalformedInput() {
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes().toList();
        assertThat(routes).as("routes the router knows").hasSizeGreaterThan(30);

        for (UriRouteInfo<?, ?> route : routes) {
            String method = route.getHttpMethodName();
            String template = route.getUriMatchTemplate().toPathString();
            List<String> variables = route.getUriMatchTemplate().getVariableNames();
            List<String> queryNames = queryParameters(route);
            Optional<Argument<?>> bodyType = route.getBodyArgument().map(a -> (Argument<?>) a);
            String validPath = path(template, variables, Map.of());

            // No parameters at all, and an empty JSON object where a body goes.
            send(method, validPath, null, null);
            if (bodyType.isPresent()) {
                send(method, validPath, "application/json", "{}");
            }
            // Each path variable malformed.
            for (String variable : variables) {
                for (String bad : BAD_VALUES) {
                    send(method, path(template, variables, Map.of(variable, bad)), "application/json", bodyType.isPresent() ? "{}" : null);
                }
            }
            // Each query parameter malformed.
            for (String name : queryNames) {
                for (String bad : BAD_VALUES) {
                    send(method, validPath + "?" + name + "=" + queryValue(bad), null, null);
                }
                send(method, validPath + "?" + name + "=1&" + name + "=2", null, null);
            }
            if (bodyType.isEmpty()) {
                continue;
            }
            // Bodies that are not what the route reads, and bodies in other media types.
            for (String bad : BAD_BODIES) {
                send(method, validPath, "application/json", bad);
            }
            send(method, validPath, "text/plain", "hello");
            send(method, validPath, "application/xml", "<a/>");
            send(method, validPath, "application/json; charset=latin1", "{}");
            // Each field of the body with a value of the wrong type.
            for (String field : fields(bodyType.get())) {
                for (String wrong : WRONG_TYPES) {
                    send(method, validPath, "application/json", "{\"" + field + "\":" + wrong + "}");
                }
            }
        }
        assertThat(requests).as("requests sent").isGreaterThan(1000);
        assertThat(failures).as("answers that were 5xx or not problem+json, of " + requests + " requests").isEmpty();
    }

    /** Every API route refuses a query parameter it does not declare, naming it, whatever else it takes. */
    @Test
    void everyApiRouteRefusesAnUnknownQueryParameter() {
        List<String> swept = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
            String template = route.getUriMatchTemplate().toPathString();
            if (!template.startsWith("/api/")) {
                continue;
            }
            String method = route.getHttpMethodName();
            String contentType = route.getBodyArgument().isPresent()
                    ? route.getConsumes().stream().findFirst().map(t -> t.getName()).orElse("application/json") : null;
            String description = method + " " + template;
            swept.add(description);
            send(method, path(template, route.getUriMatchTemplate().getVariableNames(), Map.of()) + "?unknownParam=1", contentType, null)
                    .ifPresent(response -> {
                        // HEAD answers carry no body (RFC 9110), so only their status is checked.
                        boolean named = method.equals("HEAD") || response.body().contains("\"field\":\"unknownParam\"");
                        if (response.statusCode() != 400 || !named) {
                            accepted.add(description + "?unknownParam=1: " + response.statusCode() + " " + abbreviate(response.body()));
                        }
                    });
        }
        assertThat(swept).as("API routes swept").hasSizeGreaterThan(30);
        assertThat(accepted).as("API routes that did not refuse ?unknownParam=1").isEmpty();
        assertThat(failures).as("answers that were 5xx or not problem+json").isEmpty();
    }

    private String path(String template, List<String> variables, Map<String, String> raw) {
        String path = template;
        for (String variable : variables) {
            String value = raw.containsKey(variable) ? pathValue(raw.get(variable)) : validPathValues.getOrDefault(variable, "1");
            path = path.replaceAll("\\{" + variable + "(:[^}]*)?}", java.util.regex.Matcher.quoteReplacement(value));
        }
        return path;
    }

    /** Keeps deliberate percent-escapes ("%FF", "%00") as sent; encodes everything else. */
    private static String pathValue(String value) {
        return value.startsWith("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String queryValue(String value) {
        return value.startsWith("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> queryParameters(UriRouteInfo<?, ?> route) {
        List<String> names = new ArrayList<>();
        for (Argument<?> argument : route.getTargetMethod().getArguments()) {
            if (argument.getAnnotationMetadata().hasAnnotation(QueryValue.class)) {
                names.add(argument.getAnnotationMetadata().stringValue(QueryValue.class).orElse(argument.getName()));
            }
        }
        return names;
    }

    private static List<String> fields(Argument<?> body) {
        Optional<? extends BeanIntrospection<?>> introspection = BeanIntrospector.SHARED.findIntrospection(body.getType());
        return introspection.map(i -> i.getBeanProperties().stream().map(BeanProperty::getName).collect(Collectors.toList()))
                .orElse(List.of());
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 120 ? text.substring(0, 120) + "…(" + text.length() + " chars)" : text;
    }
}
