package dev.docket.identity;

import java.security.Principal;

import dev.docket.access.Roles;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthCheckType;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import org.reactivestreams.Publisher;

/**
 * /health: everyone sees the status (load balancers and probes need it); only admins see the details, which name
 * files, disk sizes and the database.
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = false)
@Replaces(HealthEndpoint.class)
@Requires(property = "endpoints.health.enabled", notEquals = "false")
class AdminOnlyHealthDetails extends HealthEndpoint {

    AdminOnlyHealthDetails(HealthAggregator<HealthResult> aggregator, HealthIndicator[] indicators,
                           @io.micronaut.management.health.indicator.annotation.Liveness HealthIndicator[] liveness) {
        super(aggregator, indicators, liveness);
    }

    @Override
    @Read
    public Publisher<HealthResult> getHealth(@Nullable Principal principal) {
        return super.getHealth(principal);
    }

    @Override
    @Read
    public Publisher<HealthResult> getHealth(@Nullable Principal principal, @Selector HealthCheckType type) {
        return super.getHealth(principal, type);
    }

    @Override
    protected HealthLevelOfDetail levelOfDetail(@Nullable Principal principal) {
        return principal instanceof Authentication a && a.getRoles().contains(Roles.ADMIN)
                ? HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS
                : HealthLevelOfDetail.STATUS;
    }
}
