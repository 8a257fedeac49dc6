package dev.docket.rules.check;

import java.util.List;

import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.source.RuleSource;

/** Finds where a rule is defined, so a problem found while the rules run points at the rule's file and line. */
public final class RuleLocations {

    private RuleLocations() {
    }

    /** A problem placed at the definition of {@code rule}, or with no file when it cannot be found. */
    public static RuleProblem at(List<RuleSource> sources, String rule, String message) {
        return at(ParsedPolicy.of(sources), rule, message);
    }

    /** As {@link #at(List, String, String)}, for a candidate already read. */
    static RuleProblem at(ParsedPolicy policy, String rule, String message) {
        if (rule != null) {
            var defined = policy.rule(rule);
            if (defined.isPresent()) {
                return defined.get().at(message);
            }
        }
        return new RuleProblem(null, 0, 0, message);
    }

    /** The first rule whose consequence holds {@code literal} as a string literal ("Made up"), or null. */
    static String quoting(ParsedPolicy policy, String literal) {
        return literal == null ? null : policy.rules().stream()
                .filter(r -> String.valueOf(r.descr().getConsequence()).contains("\"" + literal + "\""))
                .map(ParsedPolicy.Rule::name).findFirst().orElse(null);
    }
}
