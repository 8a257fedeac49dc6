package dev.docket.identity;

import java.util.List;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.csrf.filter.CsrfFilterConfiguration;
import io.micronaut.security.csrf.resolver.CsrfTokenResolver;
import io.micronaut.security.csrf.validator.CsrfTokenValidator;
import io.micronaut.security.filters.SecurityFilter;

/**
 * CSRF protection for what a browser can be tricked into sending: a request that rides on the session cookie.
 * A request that carries an {@code Authorization} header (an API token, an OIDC bearer token) is not checked: a page
 * on another site cannot add that header without a CORS preflight, which Docket never grants, and an API client has
 * no CSRF cookie to echo. Micronaut's own CSRF filter cannot tell the two apart (it checked every body-less POST, so
 * token callers of replay, approve, revoke and the like got the cookie session's 403), so it is switched off and this
 * filter applies its settings (methods, content types) and its token resolvers and validator to cookie requests only.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SessionCsrfFilter implements Ordered {

    private final CsrfFilterConfiguration configuration;
    private final List<CsrfTokenResolver<HttpRequest<?>>> resolvers;
    private final CsrfTokenValidator<HttpRequest<?>> validator;
    private final AuthorizationProblems problems;

    SessionCsrfFilter(CsrfFilterConfiguration configuration, List<CsrfTokenResolver<HttpRequest<?>>> resolvers,
                      CsrfTokenValidator<HttpRequest<?>> validator, AuthorizationProblems problems) {
        this.configuration = configuration;
        this.resolvers = resolvers;
        this.validator = validator;
        this.problems = problems;
    }

    /** Where Micronaut's filter ran: after the security filter has authenticated the caller. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order() + 100;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> check(HttpRequest<?> request) {
        if (!configuration.getMethods().contains(request.getMethod())
                || request.getHeaders().getAuthorization().isPresent()) {
            return null;
        }
        Optional<MediaType> contentType = request.getContentType();
        // A body of another type (JSON, say) needs a CORS preflight to be sent across sites; no body, or a form, does not.
        if (contentType.isPresent() && configuration.getContentTypes().stream().noneMatch(contentType.get()::equals)) {
            return null;
        }
        boolean valid = resolvers.stream()
                .map(resolver -> resolver.resolveToken(request))
                .flatMap(Optional::stream)
                .findFirst()
                .map(token -> validator.validateCsrfToken(request, token))
                .orElse(false);
        if (valid) {
            return null;
        }
        Authentication caller = request.getAttribute(SecurityFilter.AUTHENTICATION, Authentication.class).orElse(null);
        return problems.handle(request, new AuthorizationException(caller));
    }
}
