package dev.docket.rules.check;

import java.time.Duration;
import java.util.List;

import dev.docket.rules.scenario.ScenarioRunner;
import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.source.RuleSource;
import jakarta.inject.Singleton;

/**
 * Everything a candidate rule set must pass before it may rank anything, in order of cost:
 * the policy guard (no forbidden Java), compilation, a probe run with firing and time limits,
 * and the scenario tests legal ops wrote. The first stage with problems stops the check.
 */
@Singleton
public final class CandidateChecker {

    private final RuleSetProbe probe;

    public CandidateChecker(RuleSetProbe probe) {
        this.probe = probe;
    }

    public CheckResult check(List<RuleSource> sources) {
        return check(sources, true);
    }

    /**
     * The same checks, optionally without the scenario tests: a preview should show what a change does
     * even when it breaks a scenario, and report those failures beside the impact rather than instead of it.
     */
    public CheckResult check(List<RuleSource> sources, boolean runScenarios) {
        long start = System.nanoTime();
        // Read once: every stage below reads this one model instead of decoding, converting and parsing again.
        ParsedPolicy parsed = ParsedPolicy.of(sources);
        List<RuleProblem> problems = PolicyGuard.check(parsed);
        if (!problems.isEmpty()) {
            return new CheckResult(null, problems, since(start));
        }
        CompiledRuleSet compiled;
        try {
            compiled = RuleSetCompiler.compile(parsed);
        } catch (RuleCompilationException e) {
            return new CheckResult(null, e.problems(), since(start));
        }
        problems = probe.check(compiled, parsed);
        if (problems.isEmpty() && runScenarios) {
            problems = ScenarioRunner.run(compiled, sources.stream().filter(s -> s.kind() == RuleSource.Kind.SCENARIO).toList());
        }
        return new CheckResult(problems.isEmpty() ? compiled : null, problems, since(start));
    }

    /** The scenario tests alone, for a candidate that has passed every other check. */
    public static List<RuleProblem> scenarios(CompiledRuleSet compiled) {
        return ScenarioRunner.run(compiled, compiled.sources().stream().filter(s -> s.kind() == RuleSource.Kind.SCENARIO).toList());
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
