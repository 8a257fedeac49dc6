package dev.docket.rules.scoring;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions one scoring call has open, so the thread waiting for it can see a firing that does not return
 * and abandon the call: every session halts at its next firing and the threads end once their current
 * consequence returns. Nothing is stopped by force (Thread.stop is gone in Java 21).
 */
public final class ScoringWatch {

    private final Set<ScoringRun> running = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<Long>> matches;
    private volatile boolean abandoned;

    public ScoringWatch() {
        this(false);
    }

    /** With {@code countMatches}, also which contracts each rule fired for (for a preview; a ranking does not pay for it). */
    public ScoringWatch(boolean countMatches) {
        this.matches = countMatches ? new ConcurrentHashMap<>() : null;
    }

    void fired(String rule, long contractId) {
        if (matches != null) {
            matches.computeIfAbsent(rule, r -> ConcurrentHashMap.newKeySet()).add(contractId);
        }
    }

    /** How many contracts each rule fired for; empty unless counting was asked for. */
    public Map<String, Integer> matches() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        if (matches != null) {
            matches.forEach((rule, ids) -> counts.put(rule, ids.size()));
        }
        return counts;
    }

    void started(ScoringRun run) {
        running.add(run);
        if (abandoned) {
            run.abandon();
        }
    }

    void ended(ScoringRun run) {
        running.remove(run);
    }

    /** A firing that has run past its limit and is still running, or null. */
    public ScoringFailure overrun() {
        long now = System.nanoTime();
        for (ScoringRun run : running) {
            ScoringFailure failure = run.overrun(now);
            if (failure != null) {
                return failure;
            }
        }
        return null;
    }

    /** Halts every session of the call at its next firing; sessions started later halt at once. */
    public void abandon() {
        abandoned = true;
        running.forEach(ScoringRun::abandon);
    }

    public boolean abandoned() {
        return abandoned;
    }

    /** Whether any session of the call is still open (its thread still inside the rules). */
    public boolean busy() {
        return !running.isEmpty();
    }
}
