package dev.docket.rules;

import java.util.List;

/** Placeholder: being written (runs the YAML scenario tests in rules/tests against a compiled rule set). */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    public static List<RuleProblem> run(CompiledRuleSet ruleSet, List<RuleSource> scenarioFiles) {
        return List.of();
    }
}
