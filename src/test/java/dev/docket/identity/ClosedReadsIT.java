package dev.docket.identity;

import static dev.docket.support.People.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.docket.support.Api;
import dev.docket.support.DatabaseTest;
import dev.docket.support.People;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/** With docket.security.anonymous-reads off, an anonymous caller gets the health status and nothing else. */
@MicronautTest(transactional = false)
class ClosedReadsIT extends DatabaseTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("docket.security.anonymous-reads", "false");
    }

    @Test
    void anonymousCallersGetOnlyTheHealthStatus() {
        for (String path : new String[] {"/api/ranking", "/api/contracts", "/api/rules/status", "/api/reports/fairness", "/info"}) {
            Api.Failure refused = api.fail(anonymous(HttpRequest.GET(path)));
            assertThat(refused.status()).as(path).isEqualTo(401);
            assertThat(refused.contentType()).as(path).isEqualTo("application/problem+json");
        }
        assertThat(api.exchange(anonymous(HttpRequest.GET("/health")), String.class).body()).contains("\"status\"");
        String viewer = people.token("reader", "viewer");
        assertThat(api.exchange(People.as(viewer, HttpRequest.GET("/api/ranking")), String.class).code()).isEqualTo(200);
    }
}
