package dev.docket.identity;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.docket.access.Roles;

import io.micronaut.security.authentication.Authentication;

/**
 * The authenticated caller as Docket records it: the principal's name, the way in (token, session, oidc),
 * roles, and the decision makers (such as CFO) they may decide for. Every "who" Docket stores comes from here.
 */
public record Actor(String name, String via, Set<String> roles, Set<String> decides) {

    static final String VIA = "via";
    static final String DECIDES = "decides";

    public static Actor of(Authentication authentication) {
        Map<String, Object> attributes = authentication.getAttributes();
        Object via = attributes.getOrDefault(VIA, "unknown");
        return new Actor(authentication.getName(), String.valueOf(via), Set.copyOf(authentication.getRoles()),
                normalized(attributes.get(DECIDES) instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of()));
    }

    /** The Authentication every way in produces: roles plus viewer, decision makers and the way in as attributes. */
    static Authentication authentication(String name, String via, Collection<String> roles, Collection<String> decides) {
        Set<String> all = new TreeSet<>(roles);
        all.add(Roles.VIEWER);
        return Authentication.build(name, all, Map.of(VIA, via, DECIDES, List.copyOf(normalized(decides))));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Whether this caller is listed for the decision maker a request is addressed to ("CFO" is "cfo"). */
    public boolean decidesFor(String decisionMaker) {
        return decides.contains(key(decisionMaker));
    }

    /**
     * Legal asks for approvals and overrides on any deal; anyone else only on a deal they own. One rule for both, so
     * who may ask cannot drift between them; {@code what} names the request in the refusal.
     */
    public void requireMayAskOn(long contractId, String owner, String what) {
        if (!has(Roles.LEGAL) && !is(owner)) {
            throw new NotAllowedException("'" + name + "' may ask for " + what + " only on their own deals; contract " + contractId
                    + " is owned by '" + owner + "' (asking on any deal needs the legal role)");
        }
    }

    /** Whether two names are one identity: without case or surrounding spaces. */
    public boolean is(String otherName) {
        return otherName != null && key(name).equals(key(otherName));
    }

    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static Set<String> normalized(Collection<String> names) {
        Set<String> keys = new TreeSet<>();
        names.forEach(n -> keys.add(key(n)));
        return Set.copyOf(keys);
    }
}
