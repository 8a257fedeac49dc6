package dev.docket.identity;

import java.util.concurrent.ExecutorService;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Bearer API tokens. JWTs (the session cookie, OIDC) contain dots and are left to Micronaut's JWT validator. */
@Singleton
class ApiTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final ApiTokens tokens;
    private final Scheduler blocking;

    ApiTokenValidator(ApiTokens tokens, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.tokens = tokens;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    /** Before the JWT validator, which would otherwise try (and fail) to parse every API token as a JWT first. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (token.contains(".") || token.length() < ApiTokens.MIN_LENGTH) {
            return Mono.empty();
        }
        Authentication cached = tokens.cached(token);
        if (cached != null) {
            return Mono.just(cached);
        }
        // A cache miss reads the database, which must not happen on the event loop.
        return Mono.fromCallable(() -> tokens.authenticate(token).orElse(null)).subscribeOn(blocking);
    }
}
