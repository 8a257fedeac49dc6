package dev.docket.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.docket.audit.AuditLog;
import dev.docket.contract.InvalidFieldException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Local users: created by an admin (or at first start), passwords hashed with bcrypt, checked at sign-in. */
@Singleton
public class LocalUsers {

    static final int MIN_PASSWORD = 12;
    private static final int COST = 12;
    // Checked against when the user name is unknown, so an unknown name costs as long as a wrong password.
    private static final String DUMMY_HASH = BCrypt.withDefaults().hashToString(COST, "not-a-password-of-anyone".toCharArray());

    private final LocalUserRepository users;
    private final Clock clock;
    private final AuditLog audit;

    LocalUsers(LocalUserRepository users, Clock clock, AuditLog audit) {
        this.users = users;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    public UserView create(String username, String password, List<String> roles, List<String> decides, String createdBy) {
        return create(username, password, roles, decides, null, createdBy);
    }

    @Transactional
    public UserView create(String username, String password, List<String> roles, List<String> decides,
                           @Nullable String ownerName, String createdBy) {
        if (password.length() < MIN_PASSWORD) {
            throw new InvalidFieldException("password", "must be at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new InvalidFieldException("password", "must be at most 72 bytes (bcrypt reads no further)");
        }
        String name = username.strip();
        if (users.findByUsername(name).isPresent()) {
            throw new IdentityConflictException("a user named '" + name + "' exists already");
        }
        LocalUser saved = users.save(new LocalUser(null, name, BCrypt.withDefaults().hashToString(COST, password.toCharArray()),
                RoleNames.join(RoleNames.requireKnown("roles", roles)), String.join(",", decides.stream().map(String::strip).toList()),
                clock.instant().truncatedTo(ChronoUnit.MICROS), createdBy, null, ownerName == null ? null : ownerName.strip()));
        UserView view = UserView.of(saved);
        audit.changed("user", saved.id(), "create", null, view);
        return view;
    }

    @Transactional(readOnly = true)
    public List<UserView> list() {
        return users.findAllOrderById().stream().map(UserView::of).toList();
    }

    @Transactional(readOnly = true)
    public boolean any() {
        return users.count() > 0;
    }

    /** The contract owner name linked to a local user, if the user exists and an admin linked one. */
    @Transactional(readOnly = true)
    public Optional<String> ownerNameOf(String username) {
        return users.findByUsername(username).map(LocalUser::ownerName);
    }

    /** The user if the password is theirs and they are not disabled; always spends one bcrypt check. */
    @Transactional(readOnly = true)
    Optional<LocalUser> check(String username, String password) {
        Optional<LocalUser> user = users.findByUsername(username.strip());
        boolean verified = BCrypt.verifyer().verify(password.toCharArray(), user.map(LocalUser::passwordHash).orElse(DUMMY_HASH)).verified;
        return user.filter(u -> verified && u.disabledAt() == null);
    }
}
