package dev.docket.identity;

import java.time.Duration;
import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * docket.security: who may read without signing in, and the credentials Docket creates at first start.
 *
 * @param anonymousReads  whether callers without credentials may read (never write)
 * @param initialToken    an API token (at least 32 characters) stored at first start, for automation; none if blank
 * @param initialTokenRoles the roles that token holds
 * @param initialAdmin    the user name of the first local admin
 * @param initialAdminPassword its password; blank prints a generated one once to the log
 * @param tokenCache      how long a validated token is trusted before its row is read again (revocation elsewhere in a cluster)
 */
@ConfigurationProperties("docket.security")
public record IdentityProperties(
        @Bindable(defaultValue = "true") boolean anonymousReads,
        @Nullable String initialToken,
        @Bindable(defaultValue = "admin") List<String> initialTokenRoles,
        @Bindable(defaultValue = "admin") String initialAdmin,
        @Nullable String initialAdminPassword,
        @Bindable(defaultValue = "10s") Duration tokenCache) {
}
