package dev.docket.identity;

import java.util.Arrays;

import dev.docket.access.Roles;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * With docket.security.anonymous-reads (the default on the embedded profile), a caller without credentials may do what
 * a viewer reads: a GET of a route secured for {@link Roles#VIEWER} alone. Never a write, never anything more.
 */
@Singleton
class AnonymousReadsRule implements SecurityRule<HttpRequest<?>> {

    private final boolean enabled;

    AnonymousReadsRule(IdentityProperties properties) {
        this.enabled = properties.anonymousReads();
    }

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (!enabled || authentication != null || (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD)) {
            return Mono.just(SecurityRuleResult.UNKNOWN);
        }
        return Mono.just(RouteAttributes.getRouteMatch(request)
                .filter(AnonymousReadsRule::viewerOnly)
                .map(m -> SecurityRuleResult.ALLOWED)
                .orElse(SecurityRuleResult.UNKNOWN));
    }

    private static boolean viewerOnly(RouteMatch<?> match) {
        return match.getAnnotationMetadata().stringValues(Secured.class).length == 1
                && Arrays.asList(match.getAnnotationMetadata().stringValues(Secured.class)).contains(Roles.VIEWER);
    }

    @Override
    public int getOrder() {
        return SecuredAnnotationRule.ORDER - 100;
    }
}
