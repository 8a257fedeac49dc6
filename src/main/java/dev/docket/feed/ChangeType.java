package dev.docket.feed;

/** What a change event records, and how an instance that did not make the change takes it in. */
public enum ChangeType {
    CONTRACT_CREATED(Entity.CONTRACT, Scope.CONTRACT),
    CONTRACT_UPDATED(Entity.CONTRACT, Scope.CONTRACT),
    CONTRACT_STATUS_CHANGED(Entity.CONTRACT, Scope.CONTRACT),
    CONTRACT_WITHDRAWN(Entity.CONTRACT, Scope.CONTRACT),
    READINESS_CHANGED(Entity.CONTRACT, Scope.CONTRACT),
    GATE_SET(Entity.GATE, Scope.CONTRACT),
    APPROVAL_REQUESTED(Entity.APPROVAL, Scope.CONTRACT),
    APPROVAL_DECIDED(Entity.APPROVAL, Scope.CONTRACT),
    OVERRIDE_CREATED(Entity.OVERRIDE, Scope.CONTRACT),
    OVERRIDE_REVOKED(Entity.OVERRIDE, Scope.CONTRACT),
    OVERRIDE_EXPIRED(Entity.OVERRIDE, Scope.CONTRACT),
    RULES_ACTIVATED(Entity.RULE_VERSION, Scope.RULES),
    BACKLOG_LOADED(Entity.BACKLOG, Scope.BACKLOG),
    /** A contract's place in the queue changed after its own edit; written by the instance that made the edit. */
    RANK_MOVED(Entity.CONTRACT, Scope.DERIVED),
    /** A contract moved between the ready and not-ready lanes after its own edit; as RANK_MOVED. */
    LANE_CHANGED(Entity.CONTRACT, Scope.DERIVED);

    /** The kind of thing the event's {@code entityId} names. */
    public enum Entity { CONTRACT, GATE, APPROVAL, OVERRIDE, RULE_VERSION, BACKLOG }

    /**
     * What another instance re-reads: one contract, the live rule version, or the whole backlog; nothing for a
     * DERIVED event, which reports what a change already in the feed did to the ranking (for webhooks).
     */
    public enum Scope { CONTRACT, RULES, BACKLOG, DERIVED }

    private final Entity entity;
    private final Scope scope;

    ChangeType(Entity entity, Scope scope) {
        this.entity = entity;
        this.scope = scope;
    }

    public Entity entity() {
        return entity;
    }

    public Scope scope() {
        return scope;
    }
}
