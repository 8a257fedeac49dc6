package dev.docket.override;

import java.math.BigDecimal;
import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record OverrideView(long id, long contractId, @Nullable BigDecimal points, boolean pinToTop, String reason,
                           String askedBy, String approvedBy, Instant createdAt, Instant expiresAt, State state,
                           @Nullable Instant revokedAt, @Nullable String revokedBy, @Nullable String revokeReason) {

    /** ACTIVE while it changes the ranking; REVOKED or EXPIRED once it no longer does. */
    public enum State { ACTIVE, REVOKED, EXPIRED }

    static OverrideView of(ContractOverride o, Instant now) {
        State state = o.revokedAt() != null ? State.REVOKED : o.expiresAt().isAfter(now) ? State.ACTIVE : State.EXPIRED;
        return new OverrideView(o.id(), o.contractId(), o.points(), o.pinToTop(), o.reason(), o.askedBy(), o.approvedBy(),
                o.createdAt(), o.expiresAt(), state, o.revokedAt(), o.revokedBy(), o.revokeReason());
    }
}
