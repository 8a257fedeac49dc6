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
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/** People sign in with a password, get a session cookie, and act as themselves; guessing is throttled. */
@MicronautTest(transactional = false)
class SignInIT extends DatabaseTest {

    static final String ADMIN_PASSWORD = "first-admin-password-42";

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
