package dev.docket.support;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/**
 * Integration tests about other features act as the test runner: a request without an Authorization header gets the
 * runner's token (DatabaseTest stores it as the initial token, with every role but decision makers). A test about
 * identity sends its own Authorization header, or {@link #ANONYMOUS} to send none at all.
 */
@ClientFilter(ClientFilter.MATCH_ALL_PATTERN)
class TestRunnerToken {

    static final String ANONYMOUS = "X-Test-Anonymous";

    private final String token;

    TestRunnerToken(@Value("${docket.security.initial-token:}") String token) {
        this.token = token;
    }

    @RequestFilter
    void authenticate(MutableHttpRequest<?> request) {
        if (request.getHeaders().contains(ANONYMOUS)) {
            request.getHeaders().remove(ANONYMOUS);
            return;
        }
        if (!token.isEmpty() && !request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            request.bearerAuth(token);
        }
    }
}
