package dev.docket.identity;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static dev.docket.support.People.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.docket.contract.ContractView;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.csrf.CsrfConfiguration;
import io.micronaut.security.csrf.generator.CsrfTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** People sign in with a password, get a session cookie, and act as themselves; guessing is throttled. */
@MicronautTest(transactional = false)
class SignInIT extends DatabaseTest {

    static final String ADMIN_PASSWORD = "first-admin-password-42";

    @Inject
    EmbeddedServer server;

    @Inject
    CsrfTokenGenerator<HttpRequest<?>> csrfTokens;

    @Inject
    CsrfConfiguration csrf;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("docket.security.initial-admin-password", ADMIN_PASSWORD);
    }

    @Test
    void theFirstAdminAddsAPersonWhoSignsInAndActsAsThemselves() {
        String admin = signIn("admin", ADMIN_PASSWORD);
        HttpResponse<Map> lena = api.exchange(withSession(admin, HttpRequest.POST("/api/admin/users",
                map("username", "lena", "password", "lena-password-123", "roles", List.of("legal")))), Map.class);
        assertThat(lena.code()).isEqualTo(201);
        assertThat(lena.body()).doesNotContainKey("password").doesNotContainKey("passwordHash");

        String session = signIn("lena", "lena-password-123");
        ContractView created = api.exchange(withSession(session, HttpRequest.POST("/api/contracts",
                contract("SI-1", "gates", allGatesPassed()))), ContractView.class).body();
        assertThat(created.gates()).allSatisfy(g -> assertThat(g.changedBy()).isEqualTo("lena"));
        assertThat(api.fail(withSession(session, HttpRequest.GET("/api/admin/users"))).status()).isEqualTo(403);

        String tampered = session.substring(0, session.length() - 3) + (session.endsWith("abc") ? "xyz" : "abc");
        Api.Failure forged = api.fail(withSession(tampered, HttpRequest.POST("/api/contracts", contract("SI-2"))));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void aWrongPasswordIs401AndRepeatedGuessesAreThrottled() {
        api.exchange(HttpRequest.POST("/api/admin/users", map("username", "otto", "password", "otto-password-123", "roles", List.of("viewer"))),
                Map.class);
        Api.Failure wrong = api.fail(anonymous(HttpRequest.POST("/login", map("username", "otto", "password", "guess-000000"))));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).isEqualTo("application/problem+json");
        for (int i = 1; i < LoginThrottle.MAX_FAILURES; i++) {
            api.fail(anonymous(HttpRequest.POST("/login", map("username", "otto", "password", "guess-00000" + i))));
        }
        Api.Failure throttled = api.fail(anonymous(HttpRequest.POST("/login", map("username", "otto", "password", "otto-password-123"))));
        assertThat(throttled.status()).as("even the right password waits out the window").isEqualTo(401);
        assertThat(throttled.problem().detail()).contains("Too many failed sign-ins");
    }

    @Test
    void aFormPostWithTheSessionCookieButNoCsrfTokenIsRefused() {
        String admin = signIn("admin", ADMIN_PASSWORD);
        MutableHttpRequest<String> form = HttpRequest.POST("/api/admin/users", "username=mallory&password=mallory-password-1&roles=admin")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        Api.Failure refused = api.fail(withSession(admin, form));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.exchange(HttpRequest.GET("/api/admin/users"), String.class).body()).doesNotContain("mallory");
    }

    /**
     * A body-less POST (no Content-Type) on the session cookie is what a page on another site can make a browser send,
     * so it needs the CSRF token; the same POST with an API token cannot be forged that way and is not checked.
     */
    @Test
    void aBodilessPostIsCsrfCheckedOnTheSessionCookieButNotWithAToken() throws Exception {
        Map<?, ?> webhook = api.exchange(HttpRequest.POST("/api/webhooks",
                map("url", "http://127.0.0.1:9/csrf", "events", List.of("RANK_MOVED"))), Map.class).body();
        String rotate = "/api/webhooks/" + webhook.get("id") + "/rotate-secret";
        String admin = signIn("admin", ADMIN_PASSWORD);

        java.net.http.HttpResponse<String> onCookie = postWithoutBody(rotate, "Cookie", "JWT=" + admin);
        assertThat(onCookie.statusCode()).as(onCookie.body()).isEqualTo(403);
        assertThat(onCookie.body()).contains("CSRF token");
        String rotations = "/api/audit?entity=webhook&action=rotate-secret&outcome=DONE";
        assertThat(api.exchange(HttpRequest.GET(rotations), String.class).body()).as("the refused rotation changed nothing")
                .doesNotContain("rotate-secret");

        java.net.http.HttpResponse<String> withToken = postWithoutBody(rotate, "Authorization", "Bearer " + RUNNER_TOKEN);
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
        assertThat(withToken.body()).contains("whsec_").doesNotContain(String.valueOf(webhook.get("secret")));
        assertThat(api.exchange(HttpRequest.GET(rotations), String.class).body()).contains("rotate-secret");

        java.net.http.HttpResponse<String> replay = postWithoutBody("/api/webhooks/" + webhook.get("id") + "/deliveries/987654/replay",
                "Authorization", "Bearer " + RUNNER_TOKEN);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(404);
        assertThat(replay.body()).doesNotContain("CSRF");
    }

    /** {@code curl -X POST /logout} with the session and its CSRF token signs out; it was an empty 404 for want of a Content-Type. */
    @Test
    void aBodilessSignOutClearsTheSessionCookie() throws Exception {
        String admin = signIn("admin", ADMIN_PASSWORD);
        String token = csrfTokens.generateCsrfToken(HttpRequest.POST("/logout", ""));

        java.net.http.HttpResponse<String> signedOut = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/logout"))
                        .header("Cookie", "JWT=" + admin + "; " + csrf.getCookieName() + "=" + token)
                        .header(csrf.getHeaderName(), token)
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(signedOut.statusCode()).as(signedOut.body()).isEqualTo(200);
        assertThat(signedOut.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JWT=").containsIgnoringCase("Max-Age=0"));
    }

    /** Through the JDK's client: Micronaut's sets a Content-Type even on an empty body, and that skips the CSRF check. */
    private java.net.http.HttpResponse<String> postWithoutBody(String path, String header, String value) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path))
                        .header(header, value).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private String signIn(String username, String password) {
        HttpResponse<String> response = client.toBlocking().exchange(anonymous(HttpRequest.POST("/login",
                map("username", username, "password", password))), String.class);
        return response.getCookie("JWT").map(Cookie::getValue)
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.getHeaders().asMap()));
    }

    private static <T> MutableHttpRequest<T> withSession(String jwt, MutableHttpRequest<T> request) {
        return anonymous(request).cookie(Cookie.of("JWT", jwt));
    }
}
