package dev.docket.identity;

import java.time.Duration;
import java.util.Locale;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

/**
 * Sign-in with a local user's name and password (POST /login), on the blocking pool since bcrypt is slow on purpose.
 * Throttled per user name and per address; a success issues the session cookie (micronaut.security.authentication: cookie).
 */
@Singleton
class LocalSignIn<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final LocalUsers users;
    private final LoginThrottle throttle;

    LocalSignIn(LocalUsers users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request, AuthenticationRequest<String, String> login) {
        String name = "user:" + login.getIdentity().strip().toLowerCase(Locale.ROOT);
        String address = "address:" + (request == null ? "unknown" : request.getRemoteAddress().getAddress().getHostAddress());
        Duration byName = throttle.wait(name, LoginThrottle.MAX_FAILURES);
        Duration byAddress = throttle.wait(address, LoginThrottle.MAX_ADDRESS_FAILURES);
        Duration wait = byName.compareTo(byAddress) >= 0 ? byName : byAddress;
        if (!wait.isZero() && !wait.isNegative()) {
            return AuthenticationResponse.failure("Too many failed sign-ins; try again in " + Math.max(1, wait.toMinutes()) + " minutes");
        }
        return users.check(login.getIdentity(), login.getSecret())
                .map(u -> {
                    throttle.succeeded(name);
                    return AuthenticationResponse.success(u.username(), Actor.authentication(u.username(), "session",
                            RoleNames.split(u.roles()), RoleNames.split(u.decides())).getRoles(),
                            java.util.Map.of(Actor.VIA, "session", Actor.DECIDES, RoleNames.split(u.decides())));
                })
                .orElseGet(() -> {
                    throttle.failed(name);
                    throttle.failed(address);
                    return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
                });
    }
}
