package dev.docket.rules;

import java.util.List;

/** Placeholder: being written (rules are code, so forbidden constructs are refused before compiling). */
public final class PolicyGuard {

    private PolicyGuard() {
    }

    public static List<RuleProblem> check(List<RuleSource> sources) {
        return List.of();
    }
}
