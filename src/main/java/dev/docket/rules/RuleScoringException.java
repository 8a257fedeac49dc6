package dev.docket.rules;

import java.util.List;

/** The rules could not score one or more contracts; each failure names the rule and the contract. */
public final class RuleScoringException extends RuntimeException {

    private final List<ScoringFailure> failures;

    public RuleScoringException(List<ScoringFailure> failures) {
        super(failures.isEmpty() ? "the rules could not score the contracts"
                : failures.get(0).describe() + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more)" : ""));
        this.failures = List.copyOf(failures);
    }

    public List<ScoringFailure> failures() {
        return failures;
    }
}
