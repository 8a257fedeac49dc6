package dev.docket.crm;

import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Where one import spent its time, phase by phase, for the log line that ends it: the start of any profiling. */
final class PhaseTimes {

    enum Phase { LOOKUP, PLAN, CONTRACTS, GATES, REPORT, AUDIT, COMMIT }

    private final long started = System.nanoTime();
    private final Map<Phase, Long> nanos = new EnumMap<>(Phase.class);

    <T> T time(Phase phase, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            nanos.merge(phase, System.nanoTime() - start, Long::sum);
        }
    }

    /** Counts the time from {@code startNanos} (a {@link System#nanoTime}) until now to {@code phase}. */
    void since(Phase phase, long startNanos) {
        nanos.merge(phase, System.nanoTime() - startNanos, Long::sum);
    }

    void time(Phase phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    /** Milliseconds per phase; "parse" is what the phases leave of the total: reading and checking the CSV. */
    @Override
    public String toString() {
        long total = System.nanoTime() - started;
        long phases = nanos.values().stream().mapToLong(Long::longValue).sum();
        StringJoiner out = new StringJoiner(", ", ms(total) + " ms (", ")");
        out.add("parse " + ms(total - phases));
        nanos.forEach((phase, n) -> out.add(phase.name().toLowerCase() + " " + ms(n)));
        return out.toString();
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
