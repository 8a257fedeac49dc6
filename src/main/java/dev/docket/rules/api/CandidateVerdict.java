package dev.docket.rules.api;

import java.util.List;

import dev.docket.rules.check.CheckResult;
import dev.docket.rules.source.RuleProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The answer to "would this rule set be accepted?": every problem with file, line and column. */
@Serdeable
public record CandidateVerdict(boolean valid, @Nullable String hash, List<String> rules, List<RuleProblem> problems,
                               long tookMillis) {

    public static CandidateVerdict of(CheckResult result) {
        return new CandidateVerdict(result.ok(), result.ruleSet() == null ? null : result.ruleSet().version(),
                result.ruleSet() == null ? List.of() : result.ruleSet().ruleNames(), result.problems(),
                result.took().toMillis());
    }
}
