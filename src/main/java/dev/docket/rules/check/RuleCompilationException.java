package dev.docket.rules.check;

import java.util.List;
import java.util.stream.Collectors;

import dev.docket.rules.source.RuleProblem;

/** A rule set that does not compile; the message lists every problem with file, line and column. */
public final class RuleCompilationException extends RuntimeException {

    private final transient List<RuleProblem> problems;

    public RuleCompilationException(List<RuleProblem> problems) {
        super("The rule set does not compile (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
