package dev.docket.override;

import java.time.Instant;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

/** Deciding or revoking an override whose state no longer allows it. */
public final class OverrideNotActiveException extends DocketException {

    OverrideNotActiveException(ContractOverride o, Instant now) {
        super(HttpStatus.CONFLICT, null, o.refusedAt() != null
                ? "Override " + o.id() + " was refused by " + o.refusedBy() + " at " + o.refusedAt() + "; it never changes the ranking"
                : o.revokedAt() != null
                ? "Override " + o.id() + " was already revoked by " + o.revokedBy() + " at " + o.revokedAt()
                        + "; it no longer changes the ranking"
                : !o.expiresAt().isAfter(now)
                ? "Override " + o.id() + " expired at " + o.expiresAt() + "; it no longer changes the ranking"
                : o.approvedAt() != null
                ? "Override " + o.id() + " was already approved by " + o.approvedBy() + " at " + o.approvedAt()
                : "Override " + o.id() + " is still waiting for an approver; nothing to revoke yet (refuse it instead)");
    }

    OverrideNotActiveException(long id) {
        super(HttpStatus.CONFLICT, null, "Override " + id + " was decided or revoked by someone else a moment ago");
    }
}
