package dev.docket.identity;

import java.util.List;

import dev.docket.system.Problem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.CookieBasedAuthenticationModeCondition;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.cookie.LoginCookieProvider;
import io.micronaut.security.token.cookie.RefreshTokenCookieConfiguration;
import io.micronaut.security.token.cookie.TokenCookieLoginHandler;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import jakarta.inject.Singleton;

/** A failed sign-in is a 401 problem+json saying why (wrong credentials, or throttled), like every other 401. */
@Singleton
@Replaces(TokenCookieLoginHandler.class)
@Requires(condition = CookieBasedAuthenticationModeCondition.class)
class SignInProblems extends TokenCookieLoginHandler {

    SignInProblems(RedirectService redirectService, RedirectConfiguration redirectConfiguration,
                   AccessTokenCookieConfiguration accessTokenCookieConfiguration,
                   RefreshTokenCookieConfiguration refreshTokenCookieConfiguration,
                   AccessTokenConfiguration accessTokenConfiguration, AccessRefreshTokenGenerator accessRefreshTokenGenerator,
                   @Nullable PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLoginPersistence,
                   List<LoginCookieProvider<HttpRequest<?>>> loginCookieProviders) {
        super(redirectService, redirectConfiguration, accessTokenCookieConfiguration, refreshTokenCookieConfiguration,
                accessTokenConfiguration, accessRefreshTokenGenerator, priorToLoginPersistence, loginCookieProviders);
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse authenticationFailed, HttpRequest<?> request) {
        String why = authenticationFailed.getMessage().orElse("The user name and password do not match");
        return HttpResponse.<Problem>status(HttpStatus.UNAUTHORIZED)
                .contentType(AuthorizationProblems.PROBLEM_JSON)
                .body(new Problem("about:blank", "Unauthorized", 401, "Sign-in failed: " + why, request.getPath(), List.of()));
    }
}
