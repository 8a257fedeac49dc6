package dev.docket.identity;

import dev.docket.access.Roles;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Management endpoints follow the roles: /prometheus and /metrics for the metrics role (a Prometheus scrape token) and
 * admins; /info for viewers (anonymous only with anonymous reads); /health for everyone, its details for admins.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
class EndpointRoles extends SensitiveEndpointRule {

    private final boolean anonymousReads;

    EndpointRoles(EndpointSensitivityProcessor processor, IdentityProperties properties) {
        super(processor);
        this.anonymousReads = properties.anonymousReads();
    }

    @Override
    @NonNull
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(@NonNull HttpRequest<?> request,
                                                                        @NonNull Authentication authentication,
                                                                        @NonNull ExecutableMethod<?, ?> method) {
        boolean metrics = request.getPath().startsWith("/prometheus") || request.getPath().startsWith("/metrics");
        boolean allowed = authentication.getRoles().contains(Roles.ADMIN)
                || (metrics && authentication.getRoles().contains(Roles.METRICS));
        return Mono.just(allowed ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    @Override
    @NonNull
    protected Publisher<SecurityRuleResult> checkNotSensitive(@NonNull HttpRequest<?> request, Authentication authentication,
                                                              @NonNull ExecutableMethod<?, ?> method) {
        if (request.getPath().startsWith("/health") || authentication != null || anonymousReads) {
            return Mono.just(SecurityRuleResult.ALLOWED);
        }
        return Mono.just(SecurityRuleResult.REJECTED);
    }
}
