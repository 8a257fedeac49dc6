package dev.docket.rules.scenario;

import java.util.List;

import dev.docket.facts.ContractFact;
import dev.docket.facts.Lane;

/**
 * One expectation on a scenario's ranking. {@link #failure} is null when the ranking meets it, otherwise a
 * message that names the expectation and shows the actual ranking, so the author sees what to change.
 */
public sealed interface Expectation {

    /** Points that differ by no more than this count as equal (contributions are rounded to hundredths). */
    double TOLERANCE = 0.01;

    Position at();

    String failure(ScenarioRanking ranking);

    /** The listed contracts rank in this relative order; others may rank anywhere. */
    record Order(Position at, List<String> contracts) implements Expectation {
        public String failure(ScenarioRanking r) {
            for (int i = 1; i < contracts.size(); i++) {
                if (r.rank(contracts.get(i - 1)) > r.rank(contracts.get(i))) {
                    return "expected order " + contracts + " but the ranking was: " + r.describe();
                }
            }
            return null;
        }
    }

    record Outranks(Position at, String higher, String lower) implements Expectation {
        public String failure(ScenarioRanking r) {
            return r.rank(higher) < r.rank(lower) ? null
                    : "expected " + higher + " to outrank " + lower + " but the ranking was: " + r.describe();
        }
    }

    record InLane(Position at, String contract, Lane lane) implements Expectation {
        public String failure(ScenarioRanking r) {
            ContractFact f = r.fact(contract);
            if (f.getLane() == lane) {
                return null;
            }
            String why = f.getBlockers().isEmpty() ? "no rule blocked it" : "blocked: " + String.join("; ", f.getBlockers());
            return "expected " + contract + " in lane " + lane + " but it is in " + f.getLane() + " (" + why
                    + "); the ranking was: " + r.describe();
        }
    }

    /** Exactly {@code equals} (within {@link #TOLERANCE}) when given, otherwise from {@code min} to {@code max}. */
    record Score(Position at, String contract, Double equals, Double min, Double max) implements Expectation {
        public String failure(ScenarioRanking r) {
            ContractFact f = r.fact(contract);
            double score = f.getScore();
            boolean met = equals != null ? Math.abs(score - equals) <= TOLERANCE : score >= min && score <= max;
            if (met) {
                return null;
            }
            String wanted = equals != null ? "equal " + ScenarioRanking.points(equals)
                    : "be between " + ScenarioRanking.points(min) + " and " + ScenarioRanking.points(max);
            return "expected the score of " + contract + " to " + wanted + " but it was " + ScenarioRanking.points(score)
                    + " (" + ScenarioRanking.contributions(f) + "); the ranking was: " + r.describe();
        }
    }

    record Contributed(Position at, String rule, String contract, double points) implements Expectation {
        public String failure(ScenarioRanking r) {
            ContractFact f = r.fact(contract);
            Double actual = ScenarioRanking.pointsFrom(f, rule);
            if (actual != null && Math.abs(actual - points) <= TOLERANCE) {
                return null;
            }
            String got = actual == null ? "it gave " + contract + " no points"
                    : "it contributed " + ScenarioRanking.points(actual);
            return "expected rule '" + rule + "' to contribute " + ScenarioRanking.points(points) + " to " + contract
                    + " but " + got + "; contributions to " + contract + ": " + ScenarioRanking.contributions(f)
                    + "; the ranking was: " + r.describe();
        }
    }

    /** The rule gave the contract no points (rules that only block are checked with a lane expectation). */
    record NotFired(Position at, String rule, String contract) implements Expectation {
        public String failure(ScenarioRanking r) {
            ContractFact f = r.fact(contract);
            Double actual = ScenarioRanking.pointsFrom(f, rule);
            if (actual == null) {
                return null;
            }
            String reasons = String.join("; ", f.getContributions().stream()
                    .filter(c -> c.rule().equals(rule)).map(c -> c.reason()).toList());
            return "expected rule '" + rule + "' not to fire for " + contract + " but it contributed "
                    + ScenarioRanking.points(actual) + " (" + reasons + "); the ranking was: " + r.describe();
        }
    }

    /**
     * A reason shown for the contract contains the text: a contribution's reason (of {@code rule} when given),
     * or, without a rule, also a blocker. Checks what a rep reads, not just the points.
     */
    record ReasonContains(Position at, String contract, String text, String rule) implements Expectation {
        public String failure(ScenarioRanking r) {
            ContractFact f = r.fact(contract);
            List<String> reasons = new java.util.ArrayList<>(f.getContributions().stream()
                    .filter(c -> rule == null || c.rule().equals(rule)).map(c -> c.reason()).toList());
            if (rule == null) {
                reasons.addAll(f.getBlockers());
            }
            if (reasons.stream().anyMatch(reason -> reason.contains(text))) {
                return null;
            }
            return "expected a reason " + (rule == null ? "" : "from rule '" + rule + "' ") + "for " + contract
                    + " containing \"" + text + "\" but " + (reasons.isEmpty() ? "there was none"
                    : "the reasons were: " + String.join("; ", reasons)) + "; the ranking was: " + r.describe();
        }
    }
}
