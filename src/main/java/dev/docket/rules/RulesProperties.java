package dev.docket.rules;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The rules lifecycle (docket.rules.*): where the policy lives, whether edits there go live on their own,
 * and how long the folder must be quiet before a reload. Who may change rules through the API is a role (identity/Roles).
 *
 * @param folder        the policy's folder, relative to the working directory (env DOCKET_RULES_FOLDER)
 * @param watch         reload when files in the folder change
 * @param debounce      quiet time after the last change before reading the folder; editors save in several steps
 * @param syncInterval  how often to check the database for a version another instance activated
 */
@ConfigurationProperties("docket.rules")
public record RulesProperties(@Bindable(defaultValue = "rules") String folder,
                              @Bindable(defaultValue = "true") boolean watch,
                              @Bindable(defaultValue = "250ms") Duration debounce,
                              @Bindable(defaultValue = "5s") Duration syncInterval) {
}
