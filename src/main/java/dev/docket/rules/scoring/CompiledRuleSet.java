package dev.docket.rules.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.docket.rules.source.RuleSource;
import dev.docket.facts.ContractFact;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * A compiled, immutable policy. Scoring runs the facts through fresh sessions of this rule set, so a ranking
 * is always computed wholly with one version.
 * <p>
 * A policy whose rules each look at one contract (as the compiler found it, {@code perContract}) scores a large backlog in
 * chunks, each in a session of its own, spread over the cores. A session holds a match for every rule and
 * contract it has seen until it is disposed; small sessions keep that memory short-lived and in cache, which
 * is what made one session over 100,000 contracts spend most of its time in the garbage collector. A policy
 * with a rule that compares contracts needs them all in one session and gets exactly that.
 */
public final class CompiledRuleSet {

    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("\\[Rule \"([^\"]+)\"");
    /** Contracts per session; measured in docs/performance.md (250 to 2,000 are within noise of each other). */
    static final int CHUNK = 1_000;
    /** Threads a large re-rank may use; -Ddocket.scoring.threads=1 keeps it on one core of a shared host. */
    private static final int THREADS = Math.max(1, Integer.getInteger("docket.scoring.threads",
            Runtime.getRuntime().availableProcessors()));
    /** Below this a second thread costs more than it saves. */
    private static final int PARALLEL_FROM = 4 * CHUNK;

    private final KieBase kieBase;
    private final String version;
    private final Instant compiledAt;
    private final List<RuleSource> sources;
    private final List<String> ruleNames;
    private final boolean perContract;

    public CompiledRuleSet(KieBase kieBase, String version, Instant compiledAt, List<RuleSource> sources, List<String> ruleNames,
                           boolean perContract) {
        this.kieBase = kieBase;
        this.version = version;
        this.compiledAt = compiledAt;
        this.sources = List.copyOf(sources);
        this.ruleNames = List.copyOf(ruleNames);
        this.perContract = perContract;
    }

    /**
     * Runs the rules over the facts, which collect their contributions and blockers in place, within the default
     * limits on the calling thread; throws if any contract could not be scored. For small what-if runs and tests:
     * rankings go through {@link RuleScoring}, which parks a failing contract instead and isolates the thread.
     */
    public void score(Collection<ContractFact> facts) {
        List<ScoringFailure> failures = score(facts instanceof List<ContractFact> list ? list : new ArrayList<>(facts),
                ScoringLimits.DEFAULT, null, new ScoringWatch());
        if (!failures.isEmpty()) {
            throw new RuleScoringException(failures);
        }
    }

    /**
     * Runs the rules over the facts within the limits. A contract the rules fail on, loop on or overrun is parked
     * ({@link ContractFact#park}) and returned as a failure, and the others of its session are scored again without
     * it, so one bad contract costs only itself. With an executor a large backlog is split over its threads.
     */
    public List<ScoringFailure> score(List<ContractFact> all, ScoringLimits limits, Executor executor, ScoringWatch watch) {
        long started = System.nanoTime();
        // A contract Docket already parked (its rule never returned in an earlier attempt) is not offered again.
        List<ContractFact> facts = all.stream().anyMatch(ContractFact::isParked)
                ? all.stream().filter(f -> !f.isParked()).toList() : all;
        List<ScoringFailure> failures = Collections.synchronizedList(new ArrayList<>());
        if (!perContract || facts.size() <= CHUNK) {
            scoreSession(new ArrayList<>(facts), limits, started, watch, failures);
            return failures;
        }
        int partitions = executor == null || facts.size() < PARALLEL_FROM ? 1 : THREADS;
        if (partitions == 1) {
            scoreInChunks(facts, limits, started, watch, failures);
            return failures;
        }
        int size = (facts.size() + partitions - 1) / partitions;
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int from = size; from < facts.size(); from += size) {
            List<ContractFact> part = facts.subList(from, Math.min(facts.size(), from + size));
            others.add(CompletableFuture.runAsync(() -> scoreInChunks(part, limits, started, watch, failures), executor));
        }
        scoreInChunks(facts.subList(0, size), limits, started, watch, failures);
        try {
            CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return failures;
    }

    /** Whether every rule looks at one contract at a time, so one contract may be scored alone. */
    public boolean perContract() {
        return perContract;
    }

    private void scoreInChunks(List<ContractFact> facts, ScoringLimits limits, long started, ScoringWatch watch,
                               List<ScoringFailure> failures) {
        for (int from = 0; from < facts.size() && !watch.abandoned(); from += CHUNK) {
            scoreSession(new ArrayList<>(facts.subList(from, Math.min(facts.size(), from + CHUNK))), limits, started, watch, failures);
        }
    }

    /** Scores the facts in one session; on a failure parks the contract to blame and scores the rest again. */
    private void scoreSession(List<ContractFact> facts, ScoringLimits limits, long started, ScoringWatch watch,
                              List<ScoringFailure> failures) {
        while (!facts.isEmpty() && !watch.abandoned()) {
            ScoringFailure failure = fireOnce(facts, limits, started, watch);
            if (failure == null || watch.abandoned()) {
                return;
            }
            facts.forEach(ContractFact::resetOutputs);
            ContractFact culprit = facts.stream().filter(f -> f.getId() == failure.contractId()).findFirst().orElse(null);
            if (culprit == null && facts.size() > 1) {
                // Nothing names a contract (a condition failed inside the engine): score each alone to find it.
                for (ContractFact fact : facts) {
                    scoreSession(new ArrayList<>(List.of(fact)), limits, started, watch, failures);
                }
                return;
            }
            ContractFact parked = culprit != null ? culprit : facts.get(0);
            ScoringFailure named = culprit != null ? failure
                    : new ScoringFailure(parked.getId(), parked.getTitle(), failure.rule(), failure.kind(), failure.message());
            parked.park(named.rule(), named.message());
            failures.add(named);
            facts.remove(parked);
            if (named.kind() == ScoringFailure.Kind.TIMED_OUT && System.nanoTime() - started > limits.total().toNanos()) {
                // Past the whole call's limit: the rest are not scored again, they are parked with it.
                for (ContractFact fact : facts) {
                    fact.park(null, "ran out of time for the whole backlog");
                    failures.add(new ScoringFailure(fact.getId(), fact.getTitle(), null, ScoringFailure.Kind.TIMED_OUT,
                            "ran out of time for the whole backlog"));
                }
                return;
            }
        }
    }

    private ScoringFailure fireOnce(List<ContractFact> facts, ScoringLimits limits, long started, ScoringWatch watch) {
        KieSession session = kieBase.newKieSession();
        ScoringRun run = new ScoringRun(session, limits, started, watch);
        watch.started(run);
        try {
            for (ContractFact fact : facts) {
                try {
                    session.insert(fact);
                } catch (RuntimeException e) {
                    // A condition that throws is evaluated as the fact goes in: this contract is the one.
                    return new ScoringFailure(fact.getId(), fact.getTitle(), ruleIn(e), ScoringFailure.Kind.FAILED,
                            "failed in a condition: " + describe(e));
                }
            }
            try {
                session.fireAllRules(run);
            } catch (ConsequenceException e) {
                ContractFact on = e.getMatch() == null ? null : e.getMatch().getObjects().stream()
                        .filter(ContractFact.class::isInstance).map(ContractFact.class::cast).findFirst().orElse(null);
                return new ScoringFailure(on == null ? 0 : on.getId(), on == null ? null : on.getTitle(),
                        e.getRule() == null ? null : e.getRule().getName(), ScoringFailure.Kind.FAILED,
                        "failed: " + describe(e.getCause() != null ? e.getCause() : e));
            } catch (RuntimeException e) {
                return new ScoringFailure(0, null, ruleIn(e), ScoringFailure.Kind.FAILED, "failed: " + describe(e));
            }
            // finish() first: it still knows the last firing, which may have returned only after its limit.
            ScoringFailure late = run.finish();
            run.firingDone();
            return late;
        } finally {
            watch.ended(run);
            session.dispose();
        }
    }

    private static String ruleIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConsequenceException c && c.getRule() != null) {
                return c.getRule().getName();
            }
            // A failed condition names its rule only in the message: 'Error evaluating constraint ... in [Rule "X" in ...]'.
            Matcher m = t.getMessage() == null ? null : RULE_IN_MESSAGE.matcher(t.getMessage());
            if (m != null && m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage().strip())
                + (root == t ? "" : " (" + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")");
    }

    public String version() { return version; }
    public Instant compiledAt() { return compiledAt; }
    public List<RuleSource> sources() { return sources; }
    public List<String> ruleNames() { return ruleNames; }
}
