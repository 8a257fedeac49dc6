package dev.docket.contract;

import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Which readiness gates a contract must pass before legal starts on it (docket.readiness.*).
 * {@code requiredGates} applies to every contract type not named in {@code requiredByType};
 * type keys are written in kebab case, for example {@code order-form}.
 */
@ConfigurationProperties("docket.readiness")
public record ReadinessProperties(List<String> requiredGates, @Nullable Map<String, List<String>> requiredByType) {
}
