package dev.docket.identity;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * An API token for a dashboard, CRM sync or script. Only the SHA-256 of the token is stored; the token itself is shown
 * once, at creation. {@code roles} and {@code decides} are comma-separated.
 */
@MappedEntity("api_token")
public record ApiToken(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        String tokenHash,
        String roles,
        String decides,
        Instant createdAt,
        String createdBy,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt,
        @Nullable String revokedBy) {

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
