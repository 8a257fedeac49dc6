package dev.docket.web;

import java.security.Principal;

import io.micronaut.http.HttpRequest;

/**
 * Who is acting through a page. The one seam for identity: once sign-in lands (issue 12), the request's Principal
 * names the person and their roles decide what a page offers; until then every visitor is the placeholder below,
 * who reads everything and types their name into the forms that record one.
 *
 * @param name     the signed-in person, or empty for the placeholder
 * @param signedIn false for the placeholder visitor
 * @param csrfToken the token every form echoes in its hidden {@code _csrf} field; empty until identity supplies one
 */
public record Actor(String name, boolean signedIn, String csrfToken) {

    /** Placeholder until identity merges: anonymous, may use every form, and must say who they are in it. */
    static final Actor ANONYMOUS = new Actor("", false, "");

    static Actor of(HttpRequest<?> request) {
        return request.getUserPrincipal().map(Principal::getName)
                .map(name -> new Actor(name, true, ""))
                .orElse(ANONYMOUS);
    }

    /** Whether forms must ask for a name, because no sign-in supplies one. */
    public boolean asksForName() {
        return !signedIn;
    }
}
