package dev.docket.web;

import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

/**
 * The sign-in page: a form that posts to identity's POST /login (local users), which sets the session cookie and
 * the CSRF cookie the pages' forms echo; then the browser goes back to where the person came from.
 */
@Controller("/login")
@Secured(SecurityRule.IS_ANONYMOUS)
class SignInPageController {

    private final Actors actors;

    SignInPageController(Actors actors) {
        this.actors = actors;
    }

    @View("login")
    @Get(produces = MediaType.TEXT_HTML)
    Map<String, Object> page(HttpRequest<?> request, @QueryValue @Nullable String next) {
        // Only a path on this site, so the page cannot be used to send someone elsewhere after signing in.
        String back = next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/";
        return Map.of("page", new Page("Sign in", "login", actors.of(request)), "next", back);
    }
}
