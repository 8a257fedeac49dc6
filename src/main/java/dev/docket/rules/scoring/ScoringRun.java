package dev.docket.rules.scoring;

import java.util.IdentityHashMap;
import java.util.Map;

import dev.docket.facts.ContractFact;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Watches one session's firings. Drools asks the agenda filter right before each firing, which makes it the one
 * place that sees every firing: it tells the matched contracts which rule is firing (so a contribution is named by
 * Docket), counts firings per contract (a rule that re-triggers itself), and checks the time limits. A limit is
 * enforced with {@link KieSession#halt()}, at the next firing; a consequence that never returns is detected from
 * outside through {@link #overrun} and the session abandoned (see {@link RuleScoring}), never stopped by force.
 */
public final class ScoringRun implements AgendaFilter {

    private final KieSession session;
    private final ScoringLimits limits;
    private final long deadline;
    private final Map<ContractFact, Integer> firings = new IdentityHashMap<>();
    private volatile ContractFact contract;
    private volatile String rule;
    private volatile long firingStarted;
    private volatile boolean abandoned;
    private ScoringFailure failure;

    private final ScoringWatch watch;

    ScoringRun(KieSession session, ScoringLimits limits, long startedNanos, ScoringWatch watch) {
        this.session = session;
        this.watch = watch;
        this.limits = limits;
        this.deadline = startedNanos + limits.total().toNanos();
    }

    @Override
    public boolean accept(Match match) {
        long now = System.nanoTime();
        if (failure != null || abandoned) {
            session.halt();
            return false;
        }
        ContractFact previous = contract;
        if (previous != null && now - firingStarted > limits.perFiring().toNanos()) {
            return stop(previous, rule, ScoringFailure.Kind.TIMED_OUT, "ran over the time limit of " + millis(limits.perFiring()));
        }
        ContractFact matched = null;
        String name = match.getRule().getName();
        for (Object o : match.getObjects()) {
            if (o instanceof ContractFact fact) {
                fact.firing(name);
                if (matched == null) {
                    matched = fact;
                }
            }
        }
        if (now - deadline > 0) {
            return stop(matched, name, ScoringFailure.Kind.TIMED_OUT, "was about to fire after the scoring time limit of "
                    + millis(limits.total()) + " had passed");
        }
        if (matched != null && firings.merge(matched, 1, Integer::sum) > limits.firingsPerContract()) {
            return stop(matched, name, ScoringFailure.Kind.LOOPED, "fired more than " + limits.firingsPerContract()
                    + " times in all and was stopped: a rule re-triggers itself (modify, update or insert in a consequence)");
        }
        if (matched != null) {
            watch.fired(name, matched.getId());
        }
        contract = matched;
        rule = name;
        firingStarted = now;
        return true;
    }

    private boolean stop(ContractFact on, String ruleName, ScoringFailure.Kind kind, String message) {
        failure = new ScoringFailure(on == null ? 0 : on.getId(), on == null ? null : on.getTitle(), ruleName, kind, message);
        session.halt();
        return false;
    }

    /** After fireAllRules returned: a firing that returned late is still an overrun, even if nothing fired after it. */
    ScoringFailure finish() {
        if (failure == null && contract != null && System.nanoTime() - firingStarted > limits.perFiring().toNanos()) {
            failure = new ScoringFailure(contract.getId(), contract.getTitle(), rule, ScoringFailure.Kind.TIMED_OUT,
                    "ran over the time limit of " + millis(limits.perFiring()));
        }
        return failure;
    }

    /** From another thread: the firing in progress if it has run past the limit (a consequence that does not return). */
    ScoringFailure overrun(long now) {
        ContractFact on = contract;
        if (on == null || now - firingStarted <= limits.perFiring().toNanos()) {
            return null;
        }
        return new ScoringFailure(on.getId(), on.getTitle(), rule, ScoringFailure.Kind.TIMED_OUT,
                "was still running after the time limit of " + millis(limits.perFiring()) + " and was abandoned");
    }

    /** Stops this session at its next firing; the thread running it ends once the current consequence returns. */
    void abandon() {
        abandoned = true;
        session.halt();
    }

    void firingDone() {
        contract = null;
    }

    public static String millis(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
