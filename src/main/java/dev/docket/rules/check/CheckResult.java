package dev.docket.rules.check;

import java.time.Duration;
import java.util.List;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.source.RuleProblem;
import io.micronaut.core.annotation.Nullable;

/** The outcome of checking a candidate rule set: the compiled set if every check passed, else every problem found. */
public record CheckResult(@Nullable CompiledRuleSet ruleSet, List<RuleProblem> problems, Duration took) {

    public boolean ok() {
        return ruleSet != null && problems.isEmpty();
    }
}
