package dev.docket.identity;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A person who signs in with a password (bcrypt-hashed). {@code roles} and {@code decides} are comma-separated;
 * {@code ownerName} is the contract owner whose deals are theirs ("my deals"), or null when not linked.
 */
@MappedEntity("docket_user")
public record LocalUser(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String passwordHash,
        String roles,
        String decides,
        Instant createdAt,
        String createdBy,
        @Nullable Instant disabledAt,
        @Nullable String ownerName) {
}
