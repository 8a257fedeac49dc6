package dev.docket.override;

import java.math.BigDecimal;
import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * One entry of the override ledger: signed points or a pin, why, who asked, who approved, and until when.
 * Never deleted; revoking or expiring only ends its effect.
 */
@MappedEntity("contract_override")
public record ContractOverride(
        @Id @GeneratedValue @Nullable Long id,
        Long contractId,
        @Nullable BigDecimal points,
        boolean pinToTop,
        String reason,
        String askedBy,
        String approvedBy,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable String revokedBy,
        @Nullable String revokeReason) {

    public boolean isActiveAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    /** "+20 points" or "pin to top", as messages name it. */
    String effect() {
        return pinToTop ? "pin to top" : (points.signum() > 0 ? "+" : "") + points.stripTrailingZeros().toPlainString() + " points";
    }
}
