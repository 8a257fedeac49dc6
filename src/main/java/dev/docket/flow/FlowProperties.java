package dev.docket.flow;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param serviceLevel how long a ready contract may wait for review before it counts as waiting too long
 */
@ConfigurationProperties("docket.flow")
public record FlowProperties(@Bindable(defaultValue = "5d") Duration serviceLevel) {
}
