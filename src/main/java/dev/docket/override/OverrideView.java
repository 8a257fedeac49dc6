package dev.docket.override;

import java.math.BigDecimal;
import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record OverrideView(long id, long contractId, @Nullable BigDecimal points, boolean pinToTop, String reason,
                           String askedBy, @Nullable String approvedBy, Instant createdAt, Instant expiresAt, State state,
                           @Nullable Instant revokedAt, @Nullable String revokedBy, @Nullable String revokeReason,
                           @Nullable Instant approvedAt, @Nullable Instant refusedAt, @Nullable String refusedBy,
                           @Nullable String refuseReason) {

    /**
     * PENDING until an approver decides; ACTIVE while it changes the ranking; REFUSED, REVOKED or EXPIRED once it
     * never will or no longer does.
     */
    public enum State { PENDING, ACTIVE, REFUSED, REVOKED, EXPIRED }

    static OverrideView of(ContractOverride o, Instant now) {
        State state = o.refusedAt() != null ? State.REFUSED
                : o.revokedAt() != null ? State.REVOKED
                : !o.expiresAt().isAfter(now) ? State.EXPIRED
                : o.approvedAt() == null ? State.PENDING : State.ACTIVE;
        return new OverrideView(o.id(), o.contractId(), o.points(), o.pinToTop(), o.reason(), o.askedBy(), o.approvedBy(),
                o.createdAt(), o.expiresAt(), state, o.revokedAt(), o.revokedBy(), o.revokeReason(), o.approvedAt(),
                o.refusedAt(), o.refusedBy(), o.refuseReason());
    }
}
