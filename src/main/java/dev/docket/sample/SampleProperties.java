package dev.docket.sample;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Sample data for a first run and for load tests (docket.sample.*): the bundled CRM deals, and optionally a
 * number of generated contracts from a seed, so two runs with the same seed hold the same backlog.
 */
@ConfigurationProperties("docket.sample")
record SampleProperties(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "0") int generated,
        @Bindable(defaultValue = "1") long seed) {
}
