package dev.docket.rules;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may change the live policy through the API. Until authentication arrives this is a shared
 * token (docket.rules.admin-token); replacing this bean with a role check is the only change needed then.
 */
@Singleton
public class RulesAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(RulesAdmin.class);

    private final String token;

    RulesAdmin(RulesProperties properties) {
        this.token = properties.adminToken() == null || properties.adminToken().isBlank() ? null : properties.adminToken();
        if (token == null) {
            LOG.warn("docket.rules.admin-token is not set: anyone who can reach the API can activate rules");
        }
    }

    public void requireAdmin(HttpRequest<?> request) {
        if (token == null) {
            return;
        }
        String presented = request.getHeaders().getAuthorization().orElse("");
        if (!presented.equals("Bearer " + token)) {
            throw new RulesAdminRequiredException();
        }
    }

    public static final class RulesAdminRequiredException extends RuntimeException {
        RulesAdminRequiredException() {
            super("Changing rules through the API needs the rules-admin role: send 'Authorization: Bearer <rules admin token>'");
        }
    }
}
