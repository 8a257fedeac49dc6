package dev.docket.rules.scoring;

import java.util.List;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

/** The rules could not score one or more contracts; each failure names the rule and the contract. */
public final class RuleScoringException extends DocketException {

    private final List<ScoringFailure> failures;

    public RuleScoringException(List<ScoringFailure> failures) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "files", failures.isEmpty() ? "the rules could not score the contracts"
                : String.join("; ", failures.stream().limit(5).map(ScoringFailure::describe).toList())
                        + (failures.size() > 5 ? " (and " + (failures.size() - 5) + " more)" : ""));
        this.failures = List.copyOf(failures);
    }

    public List<ScoringFailure> failures() {
        return failures;
    }
}
