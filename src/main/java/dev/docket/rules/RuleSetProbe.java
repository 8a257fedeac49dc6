package dev.docket.rules;

import java.util.List;

/** Placeholder: being written (a probe run that catches runaway rules with firing and time limits). */
public final class RuleSetProbe {

    private RuleSetProbe() {
    }

    public static List<RuleProblem> check(CompiledRuleSet ruleSet) {
        return List.of();
    }
}
