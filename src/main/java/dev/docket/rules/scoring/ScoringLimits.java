package dev.docket.rules.scoring;

import java.time.Duration;

/**
 * How long the rules may take: {@code perFiring} bounds one rule firing on one contract (a consequence that
 * overruns it has its contract parked, or its candidate refused), {@code total} bounds a whole scoring call.
 * {@code firingsPerContract} catches rules that re-trigger themselves.
 */
public record ScoringLimits(Duration perFiring, Duration total, int firingsPerContract) {

    /** Far above what the default policy needs (microseconds per contract), far below a stuck write. */
    public static final ScoringLimits DEFAULT = new ScoringLimits(Duration.ofSeconds(1), Duration.ofMinutes(5), 200);

    public ScoringLimits {
        if (perFiring.isNegative() || perFiring.isZero() || total.isNegative() || total.isZero() || firingsPerContract < 1) {
            throw new IllegalArgumentException("scoring limits must be positive");
        }
    }

    /** The same per-firing and firing limits, with a shorter or longer bound for the whole call. */
    public ScoringLimits withTotal(Duration total) {
        return new ScoringLimits(perFiring, total, firingsPerContract);
    }
}
