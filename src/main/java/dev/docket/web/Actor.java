package dev.docket.web;

import java.util.Set;

import dev.docket.access.Roles;

/**
 * Who is acting through a page, as identity resolved them (see {@link Actors}): the principal's name and roles decide
 * which actions a page offers, and every form echoes the CSRF token micronaut-security-csrf checks on form posts.
 *
 * @param name      the signed-in person, or empty for an anonymous reader
 * @param signedIn  false for an anonymous reader (anonymous reads)
 * @param roles     the principal's roles; none for an anonymous reader
 * @param csrfField the form field the CSRF filter reads the token from
 * @param csrfToken the token issued with the session at sign-in; empty when there is none
 */
public record Actor(String name, boolean signedIn, Set<String> roles, String csrfField, String csrfToken) {

    static Actor anonymous(String csrfField) {
        return new Actor("", false, Set.of(), csrfField, "");
    }

    /** Comments: any signed-in person (viewer), as on POST /api/contracts/{id}/comments. */
    public boolean mayComment() {
        return roles.contains(Roles.VIEWER);
    }

    /** Approve or reject: approver, as on POST /api/approvals/{id}/decision. */
    public boolean mayDecide() {
        return roles.contains(Roles.APPROVER);
    }

    /** Validate and preview candidates: rules-author, as on POST /api/rules/validate and /api/rules/preview. */
    public boolean mayCheckRules() {
        return roles.contains(Roles.RULES_AUTHOR);
    }

    /** Activate and roll back: rules-admin, as on POST /api/rules/activate and /api/rules/versions/{n}/activate. */
    public boolean mayActivateRules() {
        return roles.contains(Roles.RULES_ADMIN);
    }
}
