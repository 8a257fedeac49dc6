package dev.docket.identity;

import java.time.Instant;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A user as admins see them; never the password hash. */
@Serdeable
public record UserView(long id, String username, List<String> roles, List<String> decides, Instant createdAt, String createdBy,
                       @Nullable Instant disabledAt, @Nullable String ownerName) {

    static UserView of(LocalUser u) {
        return new UserView(u.id(), u.username(), RoleNames.split(u.roles()), RoleNames.split(u.decides()), u.createdAt(), u.createdBy(),
                u.disabledAt(), u.ownerName());
    }
}
