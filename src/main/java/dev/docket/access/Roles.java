package dev.docket.access;

import java.util.List;

/**
 * What a person or token may do. A caller holds any number of roles; every signed-in caller also reads
 * (viewer), because transparency is the point. README "Who may do what" lists each role's rights.
 */
public final class Roles {

    /** Reads the queue, explanations, history, comments, policy and reports; comments; asks approvals on their own deals. */
    public static final String VIEWER = "viewer";
    /** Edits contracts and gates, takes deals into review, asks for approvals and overrides. */
    public static final String LEGAL = "legal";
    /** Decides approvals addressed to a decision maker they are listed for; approves or refuses overrides. */
    public static final String APPROVER = "approver";
    /** Validates and previews rule candidates. */
    public static final String RULES_AUTHOR = "rules-author";
    /** Activates rule sets and rolls back. */
    public static final String RULES_ADMIN = "rules-admin";
    /** Manages users, tokens and roles; reads the audit log and health details. */
    public static final String ADMIN = "admin";
    /** Scrapes /prometheus and /metrics (a Prometheus token holds only this). */
    public static final String METRICS = "metrics";

    public static final List<String> ALL = List.of(VIEWER, LEGAL, APPROVER, RULES_AUTHOR, RULES_ADMIN, ADMIN, METRICS);

    private Roles() {
    }
}
