package dev.docket.override;

import java.math.BigDecimal;
import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits on discretion (docket.overrides.*): how many points an override may add or take, how long it may
 * last. Who may approve one is a role (identity/Roles.APPROVER). Defaults keep an override a nudge, not a new policy.
 */
@ConfigurationProperties("docket.overrides")
public record OverrideProperties(
        @Bindable(defaultValue = "50") BigDecimal maxPoints,
        @Bindable(defaultValue = "30d") Duration maxDuration) {
}
