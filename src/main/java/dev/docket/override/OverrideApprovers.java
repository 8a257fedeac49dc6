package dev.docket.override;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

/**
 * Who may approve an override. Docket does not authenticate callers yet, so {@code approvedBy} is a name the
 * caller states, and docket.overrides.approvers lists the names (or shared role accounts) that may approve.
 * This is the seam for authentication: once callers are known, check the caller's roles here instead.
 */
@Singleton
public class OverrideApprovers {

    private final List<String> listed;
    private final Set<String> keys;

    OverrideApprovers(OverrideProperties properties) {
        this.listed = List.copyOf(properties.approvers());
        this.keys = listed.stream().map(OverrideApprovers::key).collect(Collectors.toUnmodifiableSet());
    }

    public boolean mayApprove(String approvedBy) {
        return keys.contains(key(approvedBy));
    }

    public List<String> listed() {
        return listed;
    }

    /** Names compare without case or surrounding spaces: "Head-of-Legal " is head-of-legal. */
    static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
