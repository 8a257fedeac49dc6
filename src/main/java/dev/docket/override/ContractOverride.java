package dev.docket.override;

import java.math.BigDecimal;
import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * One entry of the override ledger: signed points or a pin, why, who asked, and until when; then who approved
 * (or refused) it and when. Only an approved one counts. Never deleted; revoking or expiring only ends its effect.
 */
@MappedEntity("contract_override")
public record ContractOverride(
        @Id @GeneratedValue @Nullable Long id,
        Long contractId,
        @Nullable BigDecimal points,
        boolean pinToTop,
        String reason,
        String askedBy,
        @Nullable String approvedBy,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable String revokedBy,
        @Nullable String revokeReason,
        @Nullable Instant approvedAt,
        @Nullable Instant refusedAt,
        @Nullable String refusedBy,
        @Nullable String refuseReason) {

    public boolean isActiveAt(Instant now) {
        return approvedAt != null && revokedAt == null && expiresAt.isAfter(now);
    }

    /** Asked for and neither approved nor refused yet, and not past its end. */
    boolean isPendingAt(Instant now) {
        return approvedAt == null && refusedAt == null && expiresAt.isAfter(now);
    }

    /** "+20 points" or "pin to top", as messages name it. */
    String effect() {
        return pinToTop ? "pin to top" : (points.signum() > 0 ? "+" : "") + points.stripTrailingZeros().toPlainString() + " points";
    }
}
