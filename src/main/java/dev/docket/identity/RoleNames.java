package dev.docket.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import dev.docket.access.Roles;
import dev.docket.contract.InvalidFieldException;

/** Roles as stored: comma-separated, known names only. */
final class RoleNames {

    private RoleNames() {
    }

    static List<String> split(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static String join(Collection<String> roles) {
        return String.join(",", new TreeSet<>(roles));
    }

    static List<String> requireKnown(String field, Collection<String> roles) {
        for (String role : roles) {
            if (role == null || !Roles.ALL.contains(role)) {
                throw new InvalidFieldException(field, "'" + role + "' is not a role; roles are " + String.join(", ", Roles.ALL));
            }
        }
        return List.copyOf(new TreeSet<>(roles));
    }
}
