package dev.docket.support;

import java.util.List;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;

/**
 * Named callers for tests that need more than the test runner: each is a real API token an admin creates through
 * POST /api/admin/tokens, so every test identity went through the same door a customer's does.
 */
public final class People {

    private final BlockingHttpClient http;

    public People(BlockingHttpClient http) {
        this.http = http;
    }

    /** A token acting as {@code name} with these roles, deciding for these decision makers (may be empty). */
    @SuppressWarnings("unchecked")
    public String token(String name, List<String> roles, List<String> decides) {
        Map<String, Object> created = http.retrieve(HttpRequest.POST("/api/admin/tokens",
                Map.of("name", name, "roles", roles, "decides", decides)), Map.class);
        return (String) created.get("token");
    }

    public String token(String name, String... roles) {
        return token(name, List.of(roles), List.of());
    }

    /** A local user an admin creates through POST /api/admin/users, who signs in with this password at POST /login. */
    public void user(String username, String password, List<String> roles, List<String> decides) {
        http.exchange(HttpRequest.POST("/api/admin/users",
                Map.of("username", username, "password", password, "roles", roles, "decides", decides)));
    }

    /** A local user linked to the contract owner {@code ownerName}, whose deals are theirs in the queue's "My deals". */
    public void user(String username, String password, List<String> roles, String ownerName) {
        http.exchange(HttpRequest.POST("/api/admin/users",
                Map.of("username", username, "password", password, "roles", roles, "ownerName", ownerName)));
    }

    /** The request sent as the bearer of {@code token}. */
    public static <T> MutableHttpRequest<T> as(String token, MutableHttpRequest<T> request) {
        return request.bearerAuth(token);
    }

    /** The request sent without any credentials. */
    public static <T> MutableHttpRequest<T> anonymous(MutableHttpRequest<T> request) {
        return request.header(TestRunnerToken.ANONYMOUS, "true");
    }
}
