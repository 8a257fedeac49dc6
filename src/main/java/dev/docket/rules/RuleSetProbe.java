package dev.docket.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.docket.facts.ContractFact;
import dev.docket.facts.Contribution;
import org.kie.api.runtime.rule.ConsequenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a small synthetic backlog ({@link ProbeContracts}) with a compiled candidate before it may rank
 * anything, on its own daemon thread with a time limit, so a runaway rule cannot hang the service.
 * Reports a rule that keeps re-triggering (the firing limit of {@link CompiledRuleSet#score}), a consequence
 * that throws, a consequence that never returns, and contributions that would make an explanation wrong:
 * infinite or absurd points, a missing reason, a rule name that is not a rule of the set, a score that
 * is not the sum of its contributions.
 */
public final class RuleSetProbe {

    static final Duration TIME_LIMIT = Duration.ofSeconds(2);
    /** Far beyond any sensible weight; infinite points arrive here as about 9.2E16 because add() rounds them. */
    static final double POINTS_LIMIT = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetProbe.class);
    private static final Pattern FIRED = Pattern.compile("fired (\\d+) times");
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("[Rr]ule(?: name=)? ?[\"']([^\"']+)[\"']");

    private RuleSetProbe() {
    }

    public static List<RuleProblem> check(CompiledRuleSet ruleSet) {
        List<ContractFact> facts = ProbeContracts.sample();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                ruleSet.score(facts);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "rule-probe-" + ruleSet.version());
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(TIME_LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            String running = RunawayThreads.runningRule(worker, ruleSet.ruleNames());
            RunawayThreads.stop(worker, LOG);
            return List.of(RuleLocations.at(ruleSet.sources(), running, "the rule set did not finish scoring " + facts.size()
                    + " contracts within " + TIME_LIMIT.toSeconds() + " s; a rule probably loops"
                    + (running == null ? "" : " (it was running rule '" + running + "' when it was stopped)")));
        }
        Throwable thrown = failure.get();
        return thrown != null ? failed(ruleSet, facts, thrown) : checkContributions(ruleSet, facts);
    }

    private static List<RuleProblem> failed(CompiledRuleSet ruleSet, Collection<ContractFact> facts, Throwable thrown) {
        if (thrown instanceof ConsequenceException e) {
            String rule = e.getRule() == null ? null : e.getRule().getName();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String contract = e.getMatch() == null ? "a contract" : e.getMatch().getObjects().stream()
                    .filter(ContractFact.class::isInstance).map(o -> ProbeContracts.describe((ContractFact) o))
                    .findFirst().orElse("a contract");
            return List.of(RuleLocations.at(ruleSet.sources(), rule, "rule '" + rule + "' failed on " + contract + ": "
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + nullHint(thrown)));
        }
        if (thrown instanceof IllegalStateException && String.valueOf(thrown.getMessage()).contains("re-triggers")) {
            // The guard refuses update, modify and insert, so only rules that fired again and again can be named.
            List<String> suspects = List.of();
            String named = suspects.isEmpty() ? "; rules that fired again and again for one contract: " + String.join(", ", repeatingRules(facts))
                    : "; rules that change facts in their consequence: " + String.join(", ", suspects);
            List<String> blamed = suspects.isEmpty() ? repeatingRules(facts) : suspects;
            return List.of(RuleLocations.at(ruleSet.sources(), blamed.isEmpty() ? null : blamed.get(0),
                    "the rule set was stopped after firing " + firings(thrown.getMessage()) + " for " + facts.size()
                            + " contracts: a rule re-triggers itself (modify, update or insert in a consequence, or no-loop false)"
                            + (blamed.isEmpty() ? "" : named)));
        }
        String message = thrown.getMessage() == null ? thrown.toString() : thrown.getMessage().strip();
        Matcher m = RULE_IN_MESSAGE.matcher(message);
        String rule = m.find() ? m.group(1) : null;
        return List.of(RuleLocations.at(ruleSet.sources(), rule, (rule == null ? "the rule set" : "rule '" + rule + "'")
                + " failed while scoring " + facts.size() + " sample contracts: " + thrown.getClass().getSimpleName() + ": " + message
                + nullHint(thrown)));
    }

    private static String nullHint(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NullPointerException) {
                return "; a field that may be null (targetCloseDate, daysToTargetClose, readySince) needs a condition such as "
                        + "targetCloseDate != null before it is used";
            }
        }
        return "";
    }

    private static String firings(String message) {
        Matcher m = FIRED.matcher(message);
        return m.find() ? m.group(1) + " times" : "too many times";
    }

    /** Rules that gave one contract more than one contribution, the most repeated first. */
    private static List<String> repeatingRules(Collection<ContractFact> facts) {
        Map<String, Long> most = new LinkedHashMap<>();
        for (ContractFact fact : facts) {
            fact.getContributions().stream().collect(Collectors.groupingBy(Contribution::rule, Collectors.counting()))
                    .forEach((rule, count) -> most.merge(rule, count, Math::max));
        }
        return most.entrySet().stream().filter(e -> e.getValue() > 1)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(3).map(Map.Entry::getKey).toList();
    }

    private static List<RuleProblem> checkContributions(CompiledRuleSet ruleSet, List<ContractFact> facts) {
        Map<String, RuleProblem> problems = new LinkedHashMap<>();
        for (ContractFact fact : facts) {
            String contract = ProbeContracts.describe(fact);
            double sum = 0;
            for (Contribution c : fact.getContributions()) {
                sum += c.points();
                String rule = c.rule();
                if (rule == null || !ruleSet.ruleNames().contains(rule)) {
                    problems.putIfAbsent("name:" + rule, RuleLocations.at(ruleSet.sources(), RuleLocations.quoting(ruleSet.sources(), rule),
                            "a contribution to " + contract + " names rule '" + rule + "', which is not a rule of this set; "
                                    + "pass drools.getRule().getName() as the first argument of add()"));
                } else if (!Double.isFinite(c.points()) || Math.abs(c.points()) > POINTS_LIMIT) {
                    problems.putIfAbsent("points:" + rule, RuleLocations.at(ruleSet.sources(), rule, "rule '" + rule + "' gave " + contract
                            + " " + c.points() + " points, which is infinite or far off the policy's scale; points must be a finite number "
                            + "(a few to a few dozen), so check for a division by zero or the log of 0"));
                } else if (c.reason() == null || c.reason().isBlank()) {
                    problems.putIfAbsent("reason:" + rule, RuleLocations.at(ruleSet.sources(), rule, "rule '" + rule + "' gave " + contract
                            + " points without a reason; the reason is what the explanation shows"));
                }
            }
            fact.getUnformattableReasons().forEach((rule, complaint) -> problems.putIfAbsent("format:" + rule,
                    RuleLocations.at(ruleSet.sources(), rule, "rule '" + rule + "' gave " + contract + " a reason whose format "
                            + "does not fit its values (" + complaint + "); check each %-placeholder against the value passed for it")));
            if (!Double.isFinite(fact.getScore()) || Math.abs(sum - fact.getScore()) > 1e-6) {
                problems.putIfAbsent("sum", new RuleProblem(null, 0, 0, "the contributions of " + contract + " sum to "
                        + sum + " but its score is " + fact.getScore() + "; every point must come from a contribution"));
            }
            if (fact.getBlockers().stream().anyMatch(b -> b == null || b.isBlank())) {
                problems.putIfAbsent("blocker", new RuleProblem(null, 0, 0, "a rule blocked " + contract
                        + " without a reason; block() needs the reason the rep can act on"));
            }
        }
        return new ArrayList<>(problems.values());
    }
}
