package dev.docket.rules;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** Where the policy's .drl files live (docket.rules.folder, env DOCKET_RULES_FOLDER); relative to the working directory. */
@ConfigurationProperties("docket.rules")
public record RulesProperties(@Bindable(defaultValue = "rules") String folder) {
}
