package dev.docket.identity;

import java.time.Instant;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A token as admins see it: never the token itself, except {@code token} once, in the answer to its creation. */
@Serdeable
record TokenView(long id, String name, List<String> roles, List<String> decides, Instant createdAt, String createdBy,
                 @Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt, @Nullable String revokedBy,
                 @Nullable String token) {

    static TokenView of(ApiToken t) {
        return of(t, null);
    }

    static TokenView of(ApiToken t, @Nullable String secret) {
        return new TokenView(t.id(), t.name(), RoleNames.split(t.roles()), RoleNames.split(t.decides()), t.createdAt(), t.createdBy(),
                t.expiresAt(), t.lastUsedAt(), t.revokedAt(), t.revokedBy(), secret);
    }
}
