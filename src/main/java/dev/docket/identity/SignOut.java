package dev.docket.identity;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.endpoints.LogoutController;
import io.micronaut.security.endpoints.LogoutControllerConfiguration;
import io.micronaut.security.event.LogoutEvent;
import io.micronaut.security.handlers.LogoutHandler;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Inject;

/**
 * Micronaut's sign-out endpoint, except that {@code GET /logout} (refused, since a link or an image must not sign anyone
 * out) is a problem+json 405 like every other error: the library's controller answers it with an empty body, and
 * overriding its GET method is the only hook for that. And a POST without a body signs out too: the library answered
 * one without Content-Type with an empty 404, as if there were no such endpoint.
 */
@Requires(property = "micronaut.security.endpoints.logout.enabled", notEquals = "false")
@Replaces(LogoutController.class)
@Controller("${micronaut.security.endpoints.logout.path:/logout}")
@Secured(SecurityRule.IS_ANONYMOUS)
class SignOut extends LogoutController {

    @Inject
    SignOut(LogoutHandler<HttpRequest<?>, MutableHttpResponse<?>> logoutHandler,
            ApplicationEventPublisher<LogoutEvent> logoutEventPublisher,
            LogoutControllerConfiguration configuration,
            HttpHostResolver httpHostResolver,
            HttpLocaleResolver httpLocaleResolver) {
        super(logoutHandler, logoutEventPublisher, configuration, httpHostResolver, httpLocaleResolver);
    }

    /** A sign-out has nothing to send; a body, if any, is a form or JSON, and other types get the router's 415. */
    @Override
    @Post
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    public MutableHttpResponse<?> index(HttpRequest<?> request, @Nullable Authentication authentication) {
        return handleLogout(request, authentication);
    }

    @Override
    @Get
    public MutableHttpResponse<?> indexGet(HttpRequest<?> request, @Nullable Authentication authentication) {
        throw new HttpStatusException(HttpStatus.METHOD_NOT_ALLOWED, "Sign out with POST /logout (a GET cannot sign anyone out)");
    }
}
