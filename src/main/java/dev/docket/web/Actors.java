package dev.docket.web;

import java.util.Set;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.csrf.CsrfConfiguration;
import jakarta.inject.Singleton;

/**
 * Resolves a page's {@link Actor} from identity: the request's Authentication (session cookie, bearer token or OIDC)
 * and the CSRF token micronaut-security-csrf set beside the session cookie at sign-in (double-submit: the filter
 * compares the form field with that cookie).
 */
@Singleton
class Actors {

    private final CsrfConfiguration csrf;

    Actors(CsrfConfiguration csrf) {
        this.csrf = csrf;
    }

    Actor of(HttpRequest<?> request) {
        String token = request.getCookies().findCookie(csrf.getCookieName()).map(Cookie::getValue).orElse("");
        return request.getUserPrincipal(Authentication.class)
                .map(a -> new Actor(a.getName(), true, Set.copyOf(a.getRoles()), csrf.getFieldName(), token))
                .orElseGet(() -> Actor.anonymous(csrf.getFieldName()));
    }
}
