package dev.docket.contract;

import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Which readiness gates a contract must pass before legal starts on it (docket.readiness.*).
 * {@code requiredGates} applies to every contract type not named in {@code requiredByType};
 * type keys are written in kebab case, for example {@code order-form}. {@code dataGates} are gates no type requires
 * but that block the one contract on which they are recorded as not passed: the CRM import records
 * {@code account-named} and {@code price-known} on a deal it got without an account or a price.
 */
@ConfigurationProperties("docket.readiness")
public record ReadinessProperties(List<String> requiredGates, @Nullable Map<String, List<String>> requiredByType,
                                  @Nullable List<String> dataGates) {
}
