package dev.docket.identity;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up: stores the initial API token from the environment (first start only) and says in the log what
 * anonymous callers may do, so nobody runs Docket believing it is locked when it is open, or the reverse.
 */
@Singleton
class StartupCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(StartupCredentials.class);

    private final IdentityProperties properties;
    private final ApiTokens tokens;

    StartupCredentials(IdentityProperties properties, ApiTokens tokens) {
        this.properties = properties;
        this.tokens = tokens;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        String initial = properties.initialToken();
        if (initial != null && !initial.isBlank()) {
            tokens.storeInitial(initial.strip(), RoleNames.requireKnown("docket.security.initial-token-roles", properties.initialTokenRoles()))
                    .ifPresent(t -> LOG.info("Stored the initial API token from DOCKET_INITIAL_TOKEN as '{}' with roles {}", t.name(), t.roles()));
        }
        LOG.info(properties.anonymousReads()
                ? "Anonymous callers may read the queue, explanations and reports, and change nothing; every write needs a token or a sign-in"
                : "Anonymous callers may do nothing but GET /health; every read and write needs a token or a sign-in");
    }
}
