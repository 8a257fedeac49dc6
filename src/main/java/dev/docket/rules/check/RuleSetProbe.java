package dev.docket.rules.check;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.scoring.ScoringFailure;
import dev.docket.rules.scoring.ScoringLimits;
import dev.docket.rules.scoring.ScoringRun;
import dev.docket.rules.scoring.ScoringWatch;
import dev.docket.rules.source.RuleProblem;
import dev.docket.facts.ContractFact;
import dev.docket.facts.ContractGenerator;
import dev.docket.facts.ContractMix;
import dev.docket.facts.Contribution;
import io.micronaut.core.propagation.PropagatedContext;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a small synthetic backlog ({@link ContractMix#probeGrid()}, cycled, so every edge of every field is in it)
 * with a compiled candidate before it may rank anything, on the "rule-probe" executor with a time limit, so a
 * runaway rule cannot hang the service.
 * Reports a rule that keeps re-triggering (the firing limit of {@link CompiledRuleSet#score}), a consequence
 * that throws, a consequence that never returns, and contributions that would make an explanation wrong:
 * infinite or absurd points, a missing reason, a rule name that is not a rule of the set, a score that
 * is not the sum of its contributions.
 */
@Singleton
public final class RuleSetProbe {

    /** The executor probes run on (application.yml); a probe abandoned on a rule that never returns keeps its thread. */
    public static final String EXECUTOR = "rule-probe";
    static final Duration TIME_LIMIT = Duration.ofSeconds(2);
    /** Far beyond any sensible weight; infinite points arrive here as about 9.2E16 because add() rounds them. */
    static final double POINTS_LIMIT = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(RuleSetProbe.class);
    private static final int FIRINGS_PER_CONTRACT = 200;
    private static final String NULL_HINT = "; a field that may be null (targetCloseDate, daysToTargetClose, readySince) "
            + "needs a condition such as targetCloseDate != null before it is used";
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("[Rr]ule(?: name=)? ?[\"']([^\"']+)[\"']");
    /** Enough contracts to take every choice of the probe grid at least once. */
    static final int SAMPLE_SIZE = 20;
    private static final LocalDate SAMPLE_DAY = LocalDate.of(2025, 6, 13);

    private final Executor executor;

    /** {@code executor} runs each probe; outside a Micronaut context give it daemon threads ({@link ProbeThreads}). */
    public RuleSetProbe(@Named(EXECUTOR) Executor executor) {
        this.executor = executor;
    }

    public List<RuleProblem> check(CompiledRuleSet ruleSet) {
        return check(ruleSet, ParsedPolicy.of(ruleSet.sources()));
    }

    /** The probe, placing problems with the candidate's parsed policy. */
    List<RuleProblem> check(CompiledRuleSet ruleSet, ParsedPolicy policy) {
        List<ContractFact> facts = sample();
        ScoringWatch watch = new ScoringWatch();
        ScoringLimits limits = new ScoringLimits(TIME_LIMIT, TIME_LIMIT, FIRINGS_PER_CONTRACT);
        AtomicReference<List<ScoringFailure>> failures = new AtomicReference<>(List.of());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        String name = "rule-probe-" + ruleSet.version();
        // In an empty context: the rules need nothing of the caller's, and a thread a stuck rule keeps for good must not
        // keep the caller's request or transaction reachable.
        executor.execute(PropagatedContext.empty().wrap(() -> {
            Thread thread = Thread.currentThread();
            String poolName = thread.getName();
            // Named after the candidate while it runs, so a thread dump shows which one a stuck thread is probing.
            thread.setName(name);
            try {
                failures.set(ruleSet.score(facts, limits, null, watch));
            } catch (Throwable t) {
                thrown.set(t);
            } finally {
                thread.setName(poolName);
                done.countDown();
            }
        }));
        boolean finished;
        try {
            finished = done.await(TIME_LIMIT.toMillis() + 250, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = done.getCount() == 0;
        }
        if (!finished) {
            ScoringFailure running = watch.overrun();
            // Halts every session at its next firing; the thread is free again once the consequence in progress returns.
            watch.abandon();
            LOG.warn("Rule probe of {} abandoned after {}: {}", ruleSet.version(), ScoringRun.millis(TIME_LIMIT),
                    running == null ? "no rule firing" : running.describe());
            String rule = running == null ? null : running.rule();
            return List.of(RuleLocations.at(policy, rule, "the rule set did not finish scoring " + facts.size()
                    + " contracts within " + TIME_LIMIT.toSeconds() + " s; a rule probably loops"
                    + (rule == null ? "" : " (it was running rule '" + rule + "' on "
                    + describe(facts.stream().filter(f -> f.getId() == running.contractId()).findFirst().orElse(facts.get(0)))
                    + " when it was stopped)")));
        }
        if (thrown.get() != null) {
            return failed(policy, facts, thrown.get());
        }
        if (!failures.get().isEmpty()) {
            return failed(policy, facts, failures.get().get(0));
        }
        return checkContributions(ruleSet, policy, facts);
    }

    private static List<RuleProblem> failed(ParsedPolicy policy, List<ContractFact> facts, ScoringFailure failure) {
        String contract = facts.stream().filter(f -> f.getId() == failure.contractId()).findFirst()
                .map(RuleSetProbe::describe).orElse("a contract");
        String rule = failure.rule();
        return switch (failure.kind()) {
            case LOOPED -> {
                // The guard refuses update, modify and insert, so the rule that kept firing is the one to name.
                yield List.of(RuleLocations.at(policy, rule, "rule '" + rule + "' fired more than "
                        + FIRINGS_PER_CONTRACT + " times for " + contract + " and was stopped: a rule re-triggers itself "
                        + "(modify, update or insert in a consequence, or no-loop false)"));
            }
            case TIMED_OUT -> List.of(RuleLocations.at(policy, rule, "the rule set did not finish scoring "
                    + facts.size() + " contracts within " + TIME_LIMIT.toSeconds() + " s; a rule probably loops"
                    + (rule == null ? "" : " (rule '" + rule + "' " + failure.message() + " on " + contract + ")")));
            case FAILED -> List.of(RuleLocations.at(policy, rule, (rule == null ? "the rule set" : "rule '" + rule + "'")
                    + " failed on " + contract + ": " + failure.message().replaceFirst("^failed(?: in a condition)?: ", "")
                    + (failure.message().contains("NullPointerException") ? NULL_HINT : "")));
        };
    }

    private static List<RuleProblem> failed(ParsedPolicy policy, Collection<ContractFact> facts, Throwable thrown) {
        String message = thrown.getMessage() == null ? thrown.toString() : thrown.getMessage().strip();
        Matcher m = RULE_IN_MESSAGE.matcher(message);
        String rule = m.find() ? m.group(1) : null;
        return List.of(RuleLocations.at(policy, rule, (rule == null ? "the rule set" : "rule '" + rule + "'")
                + " failed while scoring " + facts.size() + " sample contracts: " + thrown.getClass().getSimpleName() + ": " + message
                + nullHint(thrown)));
    }

    private static String nullHint(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NullPointerException) {
                return NULL_HINT;
            }
        }
        return "";
    }

    private static List<RuleProblem> checkContributions(CompiledRuleSet ruleSet, ParsedPolicy policy, List<ContractFact> facts) {
        Map<String, RuleProblem> problems = new LinkedHashMap<>();
        boolean ranks = facts.stream().flatMap(f -> f.getContributions().stream())
                .anyMatch(c -> ruleSet.ruleNames().contains(c.rule()));
        if (!ranks) {
            // An empty policy, or one of blockers only, would rank every deal by id: refused, not made live.
            problems.put("ranking", new RuleProblem(null, 0, 0, ruleSet.ruleNames().isEmpty()
                    ? "the policy has no rules; it needs at least one ranking rule, one that gives points with $c.add(points, reason)"
                    : "no rule of the policy gave points to any of the " + facts.size() + " sample contracts (every contract type, "
                    + "paper and status); a policy needs at least one ranking rule, one that gives points with $c.add(points, reason)"));
        }
        for (ContractFact fact : facts) {
            String contract = describe(fact);
            double sum = 0;
            for (Contribution c : fact.getContributions()) {
                sum += c.points();
                String rule = c.rule();
                if (ContractFact.OVERRIDE.equals(rule) || ContractFact.OVERRIDE_PIN.equals(rule)) {
                    continue;
                }
                if (rule == null || !ruleSet.ruleNames().contains(rule)) {
                    problems.putIfAbsent("name:" + rule, RuleLocations.at(policy, RuleLocations.quoting(policy, rule),
                            "a contribution to " + contract + " names rule '" + rule + "', which is not a rule of this set; "
                                    + "write $c.add(points, reason), and Docket names the rule that fires"));
                } else if (!Double.isFinite(c.points()) || Math.abs(c.points()) > POINTS_LIMIT) {
                    problems.putIfAbsent("points:" + rule, RuleLocations.at(policy, rule, "rule '" + rule + "' gave " + contract
                            + " " + c.points() + " points, which is infinite or far off the policy's scale; points must be a finite number "
                            + "(a few to a few dozen), so check for a division by zero or the log of 0"));
                } else if (c.reason() == null || c.reason().isBlank()) {
                    problems.putIfAbsent("reason:" + rule, RuleLocations.at(policy, rule, "rule '" + rule + "' gave " + contract
                            + " points without a reason; the reason is what the explanation shows"));
                }
            }
            fact.getUnformattableReasons().forEach((rule, complaint) -> problems.putIfAbsent("format:" + rule,
                    RuleLocations.at(policy, rule, "rule '" + rule + "' gave " + contract + " a reason whose format "
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

    /**
     * The probe's backlog: every contract type, both papers, every currency and open status, ready and not,
     * values from nothing to very large, target close dates on and around the boundaries or none, pending
     * approvals, point and pin overrides, and fields that may be null left null, so a rule that forgets a null
     * guard fails here rather than live.
     */
    static List<ContractFact> sample() {
        return ContractGenerator.cycling(ContractMix.probeGrid()).facts(SAMPLE_SIZE, SAMPLE_DAY);
    }

    static String describe(ContractFact fact) {
        return "contract " + fact.getId() + " (" + fact.getContractType() + " on " + fact.getPaper() + " paper, "
                + fact.getStatus() + (fact.getTargetCloseDate() == null ? ", no target close date" : "") + ")";
    }
}
