package dev.docket.rules;

/** Published when a new rule set becomes active, so the ranking can be rebuilt with it right away. */
public record RuleSetActivated(String version) {
}
