package dev.docket.rules.check;

import java.util.concurrent.Executors;

/**
 * The candidate check outside an application context, for tests and benchmarks: the probe runs on a cached pool of
 * daemon threads, as on the rule-probe executor application.yml declares. One pool for the JVM; idle threads end.
 */
public final class StandaloneChecks {

    private static final RuleSetProbe PROBE = new RuleSetProbe(Executors.newCachedThreadPool(new ProbeThreads()));
    private static final CandidateChecker CHECKER = new CandidateChecker(PROBE);

    private StandaloneChecks() {
    }

    public static RuleSetProbe probe() {
        return PROBE;
    }

    public static CandidateChecker checker() {
        return CHECKER;
    }
}
