package dev.docket.override;

/** Revoking an override that no longer changes the ranking. */
public final class OverrideNotActiveException extends RuntimeException {

    OverrideNotActiveException(ContractOverride o) {
        super(o.revokedAt() != null
                ? "Override " + o.id() + " was already revoked by " + o.revokedBy() + " at " + o.revokedAt()
                        + "; it no longer changes the ranking"
                : "Override " + o.id() + " expired at " + o.expiresAt() + "; it no longer changes the ranking, so there is nothing to revoke");
    }

    OverrideNotActiveException(long id) {
        super("Override " + id + " was revoked by someone else a moment ago; it no longer changes the ranking");
    }
}
