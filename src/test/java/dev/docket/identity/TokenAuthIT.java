package dev.docket.identity;

import static dev.docket.support.Api.allGatesPassed;
import static dev.docket.support.Api.contract;
import static dev.docket.support.Api.map;
import static dev.docket.support.People.anonymous;
import static dev.docket.support.People.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.docket.contract.ContractView;
import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import dev.docket.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** API tokens as a dashboard, a CRM sync and an attacker use them, over real HTTP against a real database. */
@MicronautTest(transactional = false)
class TokenAuthIT extends DatabaseTest {

    @Inject
    TestClock clock;

    @Test
    void anonymousCallersReadButCannotWriteAndAreToldWhyInProblemJson() {
        HttpResponse<String> ranking = api.exchange(anonymous(HttpRequest.GET("/api/ranking?size=5")), String.class);
        assertThat(ranking.code()).isEqualTo(200);

        Api.Failure write = api.fail(anonymous(HttpRequest.POST("/api/contracts", contract("AN-1"))));
        assertThat(write.status()).isEqualTo(401);
        assertThat(write.contentType()).isEqualTo("application/problem+json");
        assertThat(write.problem().detail()).contains("Authorization: Bearer");
        HttpClientResponseException raw = rawFailure(anonymous(HttpRequest.POST("/api/contracts", contract("AN-1"))));
        assertThat(raw.getResponse().getHeaders().get("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(raw.getResponse().getHeaders().get("X-Frame-Options")).isEqualTo("DENY");
        assertThat(raw.getResponse().getHeaders().get("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(raw.getResponse().getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(raw.getResponse().getHeaders().get("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(ranking.getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aTokenActsAsItsNameWithItsRolesAndNothingMore() {
        String sync = people.token("crm-sync", "legal");
        String dashboard = people.token("dashboard", "viewer");

        ContractView created = api.exchange(as(sync, HttpRequest.POST("/api/contracts", contract("TK-1", "gates", allGatesPassed()))),
                ContractView.class).body();
        assertThat(created.gates()).allSatisfy(g -> assertThat(g.changedBy()).isEqualTo("crm-sync"));

        Api.Failure forbidden = api.fail(as(dashboard, HttpRequest.POST("/api/contracts", contract("TK-2"))));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).isEqualTo("application/problem+json");
        assertThat(forbidden.problem().detail()).contains("'dashboard'").contains("may not POST /api/contracts");
        assertThat(api.exchange(as(dashboard, HttpRequest.GET("/api/contracts/" + created.id())), String.class).code()).isEqualTo(200);

        Api.Failure notAdmin = api.fail(as(sync, HttpRequest.POST("/api/admin/tokens", map("name", "mine", "roles", List.of("admin")))));
        assertThat(notAdmin.status()).isEqualTo(403);
    }

    @Test
    void aBodyNamingAnotherSubmitterIsRefusedAndChangesNothing() {
        String sync = people.token("crm-sync-2", "legal");
        Api.Failure forged = api.fail(as(sync, HttpRequest.POST("/api/contracts", contract("TK-F", "submittedBy", "head-of-legal"))));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.problem().errors()).extracting(e -> e.field()).containsExactly("submittedBy");
        assertThat(api.fail(HttpRequest.GET("/api/contracts/by-ref/TK-F")).status()).isEqualTo(404);
    }

    @Test
    void revokedTamperedAndExpiredTokensAreRefusedWith401() throws InterruptedException {
        String legal = people.token("revoke-me", "legal");
        assertThat(api.exchange(as(legal, HttpRequest.POST("/api/contracts", contract("RV-1"))), String.class).code()).isEqualTo(201);

        String tampered = legal.substring(0, legal.length() - 1) + (legal.endsWith("A") ? "B" : "A");
        Api.Failure tamperedFailure = api.fail(as(tampered, HttpRequest.POST("/api/contracts", contract("RV-2"))));
        assertThat(tamperedFailure.status()).isEqualTo(401);
        assertThat(tamperedFailure.problem().detail()).contains("not valid");

        long id = tokenId("revoke-me");
        Map<?, ?> revoked = api.exchange(HttpRequest.POST("/api/admin/tokens/" + id + "/revoke", ""), Map.class).body();
        assertThat(revoked.get("revokedAt")).isNotNull();
        assertThat(revoked.get("token")).isNull();
        assertThat(api.fail(as(legal, HttpRequest.POST("/api/contracts", contract("RV-3")))).status()).isEqualTo(401);
        assertThat(api.fail(HttpRequest.POST("/api/admin/tokens/" + id + "/revoke", "")).status()).isEqualTo(409);

        clock.set(TestClock.START);
        String shortLived = (String) api.exchange(HttpRequest.POST("/api/admin/tokens", map("name", "short", "roles", List.of("legal"),
                "expiresAt", TestClock.START.plus(Duration.ofHours(1)).toString())), Map.class).body().get("token");
        assertThat(api.exchange(as(shortLived, HttpRequest.POST("/api/contracts", contract("EX-1"))), String.class).code()).isEqualTo(201);
        clock.advance(Duration.ofHours(2));
        assertThat(api.fail(as(shortLived, HttpRequest.POST("/api/contracts", contract("EX-2")))).status()).isEqualTo(401);
        clock.set(TestClock.START);

        // Tampered, revoked and expired: three refused attempts with credentials, each kept in the audit log.
        assertThat(refusedWithInvalidCredentials()).as("refused attempts in the audit log").isGreaterThanOrEqualTo(3);
    }

    private long refusedWithInvalidCredentials() throws InterruptedException {
        long found = 0;
        for (int i = 0; i < 50 && found < 3; i++) {
            Thread.sleep(100);
            found = client.toBlocking().retrieve(HttpRequest.GET("/api/audit?outcome=REFUSED&size=1000"),
                            io.micronaut.core.type.Argument.mapOf(String.class, Object.class))
                    .entrySet().stream().filter(e -> e.getKey().equals("items")).map(e -> (List<?>) e.getValue()).findFirst().orElseThrow()
                    .stream().filter(e -> String.valueOf(((Map<?, ?>) e).get("detail")).contains("not valid")).count();
        }
        return found;
    }

    @Test
    void tokensAreListedWithoutTheirSecretAndRolesMustExist() {
        people.token("listed", "viewer");
        String listing = api.exchange(HttpRequest.GET("/api/admin/tokens"), String.class).body();
        assertThat(listing).contains("\"name\":\"listed\"").doesNotContain("dkt_").doesNotContain(RUNNER_TOKEN);
        Api.Failure unknownRole = api.fail(HttpRequest.POST("/api/admin/tokens", map("name", "x", "roles", List.of("superuser"))));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.problem().errors()).extracting(e -> e.field()).containsExactly("roles");
    }

    @Test
    void healthShowsDetailsToAdminsOnlyAndMetricsNeedTheMetricsRole() {
        String anonymousHealth = api.exchange(anonymous(HttpRequest.GET("/health")), String.class).body();
        assertThat(anonymousHealth).contains("\"status\":\"UP\"").doesNotContain("\"details\":{").doesNotContain("jdbc");
        String viewer = people.token("health-viewer", "viewer");
        assertThat(api.exchange(as(viewer, HttpRequest.GET("/health")), String.class).body()).doesNotContain("\"details\":{");
        assertThat(api.exchange(HttpRequest.GET("/health"), String.class).body()).contains("\"details\":{").contains("jdbc");

        assertThat(api.fail(anonymous(HttpRequest.GET("/prometheus"))).status()).isEqualTo(401);
        assertThat(api.fail(as(viewer, HttpRequest.GET("/prometheus"))).status()).isEqualTo(403);
        String scraper = people.token("prometheus", "metrics");
        assertThat(api.exchange(as(scraper, HttpRequest.GET("/prometheus")), String.class).body()).contains("docket_");
        assertThat(api.fail(as(scraper, HttpRequest.POST("/api/contracts", contract("PR-1")))).status()).isEqualTo(403);
        assertThat(api.exchange(anonymous(HttpRequest.GET("/info")), String.class).code()).isEqualTo(200);
    }

    private long tokenId(String name) {
        List<Map<String, Object>> tokens = client.toBlocking().retrieve(HttpRequest.GET("/api/admin/tokens"),
                io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
        return tokens.stream().filter(t -> name.equals(t.get("name"))).map(t -> ((Number) t.get("id")).longValue()).findFirst().orElseThrow();
    }

    private HttpClientResponseException rawFailure(HttpRequest<?> request) {
        try {
            client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}
