package dev.docket.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import dev.docket.access.Roles;
import dev.docket.seeding.SeedingStep;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up: stores the initial API token from the environment (first start only) and says in the log what
 * anonymous callers may do, so nobody runs Docket believing it is locked when it is open, or the reverse.
 */
@Singleton
class StartupCredentials implements SeedingStep {

    private static final Logger LOG = LoggerFactory.getLogger(StartupCredentials.class);

    private final IdentityProperties properties;
    private final ApiTokens tokens;
    private final LocalUsers users;

    StartupCredentials(IdentityProperties properties, ApiTokens tokens, LocalUsers users) {
        this.properties = properties;
        this.tokens = tokens;
        this.users = users;
    }

    private static String generated() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public Turn turn() {
        return Turn.CREDENTIALS;
    }

    @Override
    public void seed() {
        // On an empty database the second instance to start finds the token and admin stored.
        storeCredentials();
        LOG.info(properties.anonymousReads()
                ? "Anonymous callers may read the queue, explanations and reports, and change nothing; every write needs a token or a sign-in"
                : "Anonymous callers may do nothing but GET /health; every read and write needs a token or a sign-in");
    }

    private void storeCredentials() {
        String initial = properties.initialToken();
        if (initial != null && !initial.isBlank()) {
            tokens.storeInitial(initial.strip(), RoleNames.requireKnown("docket.security.initial-token-roles", properties.initialTokenRoles()))
                    .ifPresent(t -> LOG.info("Stored the initial API token from DOCKET_INITIAL_TOKEN as '{}' with roles {}", t.name(), t.roles()));
        }
        if (!users.any()) {
            String given = properties.initialAdminPassword();
            String password = given == null || given.isBlank() ? generated() : given;
            users.create(properties.initialAdmin(), password, List.of(Roles.ADMIN), List.of(), "first start");
            if (given == null || given.isBlank()) {
                // Printed once: the only copy is this log line, and only the bcrypt hash is stored.
                LOG.warn("Created the first admin '{}' with password {} (shown once; set DOCKET_ADMIN_PASSWORD to choose it). "
                        + "Sign in with POST /login, then add people with POST /api/admin/users.", properties.initialAdmin(), password);
            } else {
                LOG.info("Created the first admin '{}' with the password from DOCKET_ADMIN_PASSWORD", properties.initialAdmin());
            }
        }
    }
}
