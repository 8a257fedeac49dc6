package dev.docket.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.docket.access.Roles;
import dev.docket.support.DatabaseTest;
import dev.docket.support.People;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.generator.CsrfTokenGenerator;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Every route the router knows, called by an anonymous caller and by a token holding each single role, against the
 * table in authorization-matrix.txt beside this test: an allowed caller never gets 401 or 403 (it may get 400, 404 or
 * 422 for the placeholder ids and empty bodies), a refused one gets 401 (anonymous) or 403 (signed in), as problem+json.
 */
@MicronautTest(transactional = false)
class AuthorizationMatrixIT extends DatabaseTest {

    static final String ANONYMOUS = "anonymous";

    @Inject
    Router router;

    @Inject
    CsrfTokenGenerator<HttpRequest<?>> csrfTokens;

    @Inject
    CsrfConfiguration csrf;

    @Test
    void everyRouteAnswersEveryCallerAsTheTableSays() throws IOException {
        Map<String, Set<String>> table = table();
        Map<String, String> routes = new LinkedHashMap<>();
        router.uriRoutes().map(r -> (UriRouteInfo<?, ?>) r)
                .filter(r -> r.getHttpMethod() != HttpMethod.HEAD && r.getHttpMethod() != HttpMethod.OPTIONS)
                .forEach(r -> routes.put(r.getHttpMethod() + " " + withoutQuery(r.getUriMatchTemplate().toString()), consumed(r)));

        assertThat(routes.keySet()).as("routes without a line in authorization-matrix.txt").isSubsetOf(table.keySet());
        assertThat(table.keySet()).as("lines in authorization-matrix.txt for routes that do not exist").isSubsetOf(routes.keySet());

        Map<String, String> callers = new LinkedHashMap<>();
        callers.put(ANONYMOUS, null);
        for (String role : Roles.ALL) {
            callers.put(role, people.token("matrix-" + role, role));
        }

        List<String> wrong = new ArrayList<>();
        for (String route : routes.keySet()) {
            Set<String> allowed = table.get(route);
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                boolean mayCall = allowed.contains(ANONYMOUS) || allowed.contains(caller.getKey())
                        || (allowed.contains(Roles.VIEWER) && !caller.getKey().equals(ANONYMOUS));
                Answer answer = call(route, routes.get(route), caller.getValue());
                boolean refused = answer.status() == 401 || answer.status() == 403;
                int expectedRefusal = caller.getValue() == null ? 401 : 403;
                if (mayCall && refused) {
                    wrong.add(route + " as " + caller.getKey() + ": expected to be let through, got " + answer);
                } else if (!mayCall && (answer.status() != expectedRefusal || !answer.problemJson())) {
                    wrong.add(route + " as " + caller.getKey() + ": expected " + expectedRefusal + " problem+json, got " + answer);
                } else if (answer.status() >= 500) {
                    wrong.add(route + " as " + caller.getKey() + ": server error " + answer);
                }
            }
        }
        assertThat(wrong).as("routes answering a caller other than the table says").isEmpty();
    }

    /**
     * What a route reads: JSON, or the one media type it alone consumes (the pages' forms, the CRM CSV), so the
     * router does not answer 415 before security is asked.
     */
    private static String consumed(UriRouteInfo<?, ?> route) {
        List<MediaType> consumes = route.getConsumes();
        return consumes.isEmpty() || consumes.contains(MediaType.APPLICATION_JSON_TYPE) || consumes.contains(MediaType.ALL_TYPE)
                ? MediaType.APPLICATION_JSON : consumes.get(0).toString();
    }

    private Answer call(String route, String contentType, String token) {
        String[] parts = route.split(" ", 2);
        String path = parts[1].replaceAll("\\{[^}]+}", "999999").replace("/health/999999", "/health/liveness");
        MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.valueOf(parts[0]), path);
        if (!parts[0].equals("GET") && !parts[0].equals("DELETE")) {
            if (contentType.equals(MediaType.APPLICATION_FORM_URLENCODED)) {
                // A form post carries the CSRF token a page gives (the double-submit cookie and the same value in the
                // X-CSRF-TOKEN header htmx sends), so what decides is the caller's roles, as for a person using the page.
                String csrfToken = csrfTokens.generateCsrfToken(request);
                request.contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .cookie(Cookie.of(csrf.getCookieName(), csrfToken))
                        .header(csrf.getHeaderName(), csrfToken)
                        .body(csrf.getFieldName() + "=" + csrfToken);
            } else if (contentType.equals(MediaType.MULTIPART_FORM_DATA)) {
                // The client builds multipart bodies only from a MultipartBody; an empty CSV and mapping are enough for roles to decide.
                request.contentType(MediaType.MULTIPART_FORM_DATA_TYPE).body(MultipartBody.builder()
                        .addPart("file", "export.csv", MediaType.TEXT_CSV_TYPE, new byte[0])
                        .addPart("mapping", "{}")
                        .build());
            } else {
                request.contentType(contentType).body(contentType.equals(MediaType.APPLICATION_JSON) ? "{}" : "");
            }
        }
        request = token == null ? People.anonymous(request) : People.as(token, request);
        try {
            var response = client.toBlocking().exchange(request, String.class);
            return new Answer(response.code(), response.getContentType().map(MediaType::toString).orElse(""));
        } catch (HttpClientResponseException e) {
            return new Answer(e.getStatus().getCode(), e.getResponse().getContentType().map(MediaType::toString).orElse(""));
        }
    }

    private static String withoutQuery(String template) {
        int brace = template.indexOf("{?");
        return brace < 0 ? template : template.substring(0, brace);
    }

    private static Map<String, Set<String>> table() throws IOException {
        try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream("authorization-matrix.txt")) {
            assertThat(in).as("authorization-matrix.txt beside this test").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.split("\\s+"))
                    .collect(Collectors.toMap(f -> f[0] + " " + f[1], f -> new TreeSet<>(Arrays.asList(f).subList(2, f.length)),
                            (a, b) -> {
                                throw new AssertionError("a route is listed twice in authorization-matrix.txt: " + a);
                            }, LinkedHashMap::new));
        }
    }

    record Answer(int status, String contentType) {
        boolean problemJson() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
