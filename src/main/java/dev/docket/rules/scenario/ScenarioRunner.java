package dev.docket.rules.scenario;

import java.util.ArrayList;
import java.util.List;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.source.RuleSource;

/**
 * Runs the scenario tests legal ops keep in rules/tests/*.yaml against a compiled rule set (see the
 * "Scenario tests" section of docs/rules.md). Returns one problem per unreadable file entry and per failed
 * expectation or invariant, each at the file, line and column of the entry, so a rule set whose scenarios
 * fail is reported like one that does not compile. No files, no problems.
 */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    public static List<RuleProblem> run(CompiledRuleSet ruleSet, List<RuleSource> scenarioFiles) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleSource file : scenarioFiles) {
            problems.addAll(runFile(ruleSet, file));
        }
        return problems;
    }

    private static List<RuleProblem> runFile(CompiledRuleSet ruleSet, RuleSource file) {
        ScenarioParser.Result parsed = ScenarioParser.parse(file, ruleSet.ruleNames());
        if (!parsed.problems().isEmpty()) {
            return parsed.problems();
        }
        Scenario scenario = parsed.scenario();
        List<RuleProblem> problems = new ArrayList<>();
        try {
            if (!scenario.expectations().isEmpty()) {
                ScenarioRanking ranking = ScenarioRanking.of(ruleSet, scenario);
                for (Expectation expectation : scenario.expectations()) {
                    String failure = expectation.failure(ranking);
                    if (failure != null) {
                        problems.add(new RuleProblem(file.path(), expectation.at().line(), expectation.at().column(), failure));
                    }
                }
            }
            if (!scenario.invariants().isEmpty()) {
                InvariantChecker checker = new InvariantChecker(ruleSet, scenario);
                for (Scenario.InvariantCheck check : scenario.invariants()) {
                    String failure = checker.failure(check.invariant());
                    if (failure != null) {
                        problems.add(new RuleProblem(file.path(), check.at().line(), check.at().column(), failure));
                    }
                }
            }
        } catch (RuntimeException e) {
            // A rule that throws while scoring fails the scenario; the rule set must not go live either way.
            problems.add(new RuleProblem(file.path(), 1, 1, "the rules failed while ranking this scenario: "
                    + (e.getMessage() == null ? e.toString() : e.getMessage())));
        }
        return problems;
    }
}
