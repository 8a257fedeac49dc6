package dev.docket.rules.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.docket.facts.ContractFact;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores contracts for rankings and previews, isolated from the caller: the rules run on the configured
 * "rule-scoring" executor while the caller watches the time. A rule firing that overruns the time limit
 * (even one that never returns) costs only its contract, which is parked and named; the caller is never held
 * longer than the limit, and the abandoned session halts at its next firing. Nothing is stopped by force.
 */
@Singleton
public class RuleScoring {

    private static final Logger LOG = LoggerFactory.getLogger(RuleScoring.class);
    private static final long WATCH_MILLIS = 50;
    /** A backlog with more contracts failing than this is not a bad contract but a bad policy. */
    private static final int MOST_ABANDONED = 20;

    private final ExecutorService executor;
    private final ScoringLimits limits;

    public RuleScoring(@Named("rule-scoring") ExecutorService executor, ScoringProperties properties) {
        this.executor = executor;
        this.limits = properties.limits();
    }

    public ScoringLimits limits() {
        return limits;
    }

    /** What scoring did: the facts in their input order (some may be fresh copies) and every contract it parked. */
    public record Outcome(List<ContractFact> facts, List<ScoringFailure> failures, java.util.Map<String, Integer> matches) {
        public boolean ok() {
            return failures.isEmpty();
        }
    }

    /**
     * Scores the facts with the rule set. A contract the rules fail on is parked and listed; the others are scored.
     * A firing that does not return within the limit is abandoned, and the facts are scored again, as fresh copies
     * (the abandoned thread may still write to the old ones), without its contract.
     */
    public Outcome score(CompiledRuleSet ruleSet, List<ContractFact> facts) {
        return score(ruleSet, facts, false);
    }

    /** The same, and with {@code countMatches} how many contracts each rule fired for. */
    public Outcome score(CompiledRuleSet ruleSet, List<ContractFact> facts, boolean countMatches) {
        List<ContractFact> current = facts;
        List<ScoringFailure> stuck = new ArrayList<>();
        while (true) {
            ScoringWatch watch = new ScoringWatch(countMatches);
            List<ContractFact> toScore = current;
            CompletableFuture<List<ScoringFailure>> scoring = CompletableFuture.supplyAsync(
                    () -> ruleSet.score(toScore, limits, executor, watch), executor);
            ScoringFailure overrun = await(scoring, watch);
            if (overrun == null) {
                List<ScoringFailure> failures = new ArrayList<>(stuck);
                failures.addAll(join(scoring));
                return new Outcome(current, failures, watch.matches());
            }
            watch.abandon();
            LOG.warn("Rule set {}: {}; the contract is parked", ruleSet.version(), overrun.describe());
            stuck.add(overrun);
            if (overrun.contractId() == 0 || stuck.size() > MOST_ABANDONED) {
                throw new RuleScoringException(stuck);
            }
            current = freshCopies(current, stuck);
        }
    }

    /** Waits for the scoring; returns the firing that overran the limit, or null once scoring is done. */
    private ScoringFailure await(CompletableFuture<List<ScoringFailure>> scoring, ScoringWatch watch) {
        long deadline = System.nanoTime() + limits.total().toNanos();
        while (true) {
            try {
                scoring.get(WATCH_MILLIS, TimeUnit.MILLISECONDS);
                return null;
            } catch (TimeoutException e) {
                ScoringFailure overrun = watch.overrun();
                if (overrun != null) {
                    return overrun;
                }
                if (System.nanoTime() - deadline > 0) {
                    return new ScoringFailure(0, null, null, ScoringFailure.Kind.TIMED_OUT,
                            "did not finish within " + ScoringRun.millis(limits.total()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                watch.abandon();
                throw new RuleScoringException(List.of(new ScoringFailure(0, null, null, ScoringFailure.Kind.TIMED_OUT,
                        "was interrupted")));
            } catch (ExecutionException e) {
                return null;
            }
        }
    }

    private static List<ScoringFailure> join(CompletableFuture<List<ScoringFailure>> scoring) {
        try {
            return scoring.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static List<ContractFact> freshCopies(List<ContractFact> facts, List<ScoringFailure> stuck) {
        List<ContractFact> copies = new ArrayList<>(facts.size());
        for (ContractFact fact : facts) {
            ContractFact copy = fact.toBuilder().build();
            stuck.stream().filter(f -> f.contractId() == fact.getId()).findFirst().ifPresent(f -> copy.park(f.rule(), f.message()));
            copies.add(copy);
        }
        return copies;
    }
}
