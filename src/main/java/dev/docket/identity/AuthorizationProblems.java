package dev.docket.identity;

import java.util.List;

import dev.docket.audit.AuditLog;
import dev.docket.system.Problem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;

/** Every 401 and 403 is problem+json saying what is missing, as every other error is. */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class AuthorizationProblems implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    private final AuditLog audit;

    AuthorizationProblems(AuditLog audit) {
        this.audit = audit;
    }

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (!exception.isForbidden()) {
            MutableHttpResponse<Problem> response = unauthorized(request);
            if (request.getHeaders().getAuthorization().isPresent()) {
                // Credentials that fail (unknown, revoked, expired, altered) are an attempt worth keeping; a bare anonymous call is not.
                audit.refused(request, null, response.body().detail());
            }
            return response;
        }
        MutableHttpResponse<Problem> response = forbidden(request, exception);
        audit.refused(request, exception.getAuthentication(), response.body().detail());
        return response;
    }

    static MutableHttpResponse<Problem> unauthorized(HttpRequest<?> request) {
        String detail = request.getHeaders().getAuthorization().isPresent()
                ? "The credentials sent are not valid: the token is unknown, revoked, expired or altered"
                : "This needs a signed-in caller: send 'Authorization: Bearer <token>' (README: Who may do what)";
        return HttpResponse.<Problem>status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .contentType(PROBLEM_JSON)
                .body(new Problem("about:blank", "Unauthorized", 401, detail, request.getPath(), List.of()));
    }

    private static MutableHttpResponse<Problem> forbidden(HttpRequest<?> request, AuthorizationException exception) {
        // The security filter marks the requests its rules refuse; a 403 without that mark came later, from SessionCsrfFilter.
        if (request.getAttribute(SecurityFilter.REJECTION).isEmpty()) {
            String detail = "This request on the session cookie carries no valid CSRF token: a form post, or a post without a body,"
                    + " signed in with the session cookie must send the token from the __Host-csrfToken cookie in the X-CSRF-TOKEN"
                    + " header; reload the page and try again, or call the API with 'Authorization: Bearer <token>' (README: Who may do what)";
            return HttpResponse.<Problem>status(HttpStatus.FORBIDDEN)
                    .contentType(PROBLEM_JSON)
                    .body(new Problem("about:blank", "Forbidden", 403, detail, request.getPath(), List.of()));
        }
        String who = exception.getAuthentication() == null ? "this caller" : "'" + exception.getAuthentication().getName() + "'";
        String needed = RouteAttributes.getRouteMatch(request)
                .map(m -> String.join(" or ", m.getAnnotationMetadata().stringValues(Secured.class)))
                .filter(roles -> !roles.isEmpty())
                .map(roles -> "it needs the role " + roles)
                .orElse("no role allows it");
        String detail = who + " may not " + request.getMethod() + " " + request.getPath() + ": " + needed + ", and the caller holds "
                + (exception.getAuthentication() == null ? "[]" : exception.getAuthentication().getRoles()) + " (README: Who may do what)";
        return HttpResponse.<Problem>status(HttpStatus.FORBIDDEN)
                .contentType(PROBLEM_JSON)
                .body(new Problem("about:blank", "Forbidden", 403, detail, request.getPath(), List.of()));
    }
}
