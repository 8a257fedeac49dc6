package dev.docket.identity;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.docket.support.DatabaseTest;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on end to end against a real OpenID Connect provider (mock-oauth2-server, started here on a free port):
 * the browser's redirects, the code exchange, the ID token's signature and nonce, roles mapped from a claim, and the
 * session cookie acting as the person the provider named.
 */
@MicronautTest(transactional = false)
class OidcSignInIT extends DatabaseTest {

    final MockOAuth2Server provider = started();

    @Inject
    JsonMapper json;

    private static MockOAuth2Server started() {
        MockOAuth2Server s = new MockOAuth2Server();
        s.start();
        return s;
    }

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("micronaut.security.oauth2.clients.sso.client-id", "docket");
        p.put("micronaut.security.oauth2.clients.sso.client-secret", "docket-secret");
        p.put("micronaut.security.oauth2.clients.sso.openid.issuer", provider.issuerUrl("sso").toString());
        return p;
    }

    @AfterAll
    void stopProvider() {
        provider.shutdown();
    }

    @Test
    void aPersonSignsInThroughTheProviderAndActsWithTheRolesItsClaimGives() throws Exception {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("sso", "u-4711", "JWT", List.of("docket"),
                Map.of("preferred_username", "olga", "roles", List.of("legal", "not-a-docket-role")), 3600));
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String docket = "http://localhost:" + server.getPort();

        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(docket + "/oauth/login/sso")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isBetween(300, 399);
        String authorize = login.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(provider.issuerUrl("sso").toString());

        HttpResponse<String> approved = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(approved.statusCode()).as(approved.body()).isBetween(300, 399);
        String callback = approved.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(docket + "/oauth/callback/sso");

        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(callback)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isLessThan(400);
        HttpCookie session = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JWT")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie after the callback: " + signedIn.headers().map()));

        HttpResponse<String> created = post(browser, docket + "/api/contracts", json.writeValueAsString(contract("OIDC-1", "gates", allGatesPassed())));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"changedBy\":\"olga\"");
        HttpResponse<String> notAdmin = browser.send(HttpRequest.newBuilder(URI.create(docket + "/api/admin/tokens")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notAdmin.statusCode()).as("roles come from the claim, and only Docket's").isEqualTo(403);
        assertThat(notAdmin.body()).contains("[legal, viewer]");
        assertThat(session.getValue()).isNotBlank();
    }

    private static HttpResponse<String> post(HttpClient browser, String uri, String body) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
