package dev.docket.override;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits on discretion (docket.overrides.*): how many points an override may add or take, how long it may
 * last, and who may approve one. Defaults keep an override a nudge, not a new policy.
 */
@ConfigurationProperties("docket.overrides")
public record OverrideProperties(
        @Bindable(defaultValue = "50") BigDecimal maxPoints,
        @Bindable(defaultValue = "30d") Duration maxDuration,
        @Bindable(defaultValue = "head-of-legal,general-counsel") List<String> approvers) {
}
