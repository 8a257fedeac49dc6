package dev.docket.webhook;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the wait doubles with each failed attempt up to a cap, and is drawn between half
 * and all of that, so receivers that failed together are not retried together.
 */
final class Backoff {

    private Backoff() {
    }

    /** The wait after {@code failedAttempts} (1 or more) failed attempts. */
    static Duration after(int failedAttempts, Duration initial, Duration max) {
        long ceiling = initial.toMillis() << Math.min(failedAttempts - 1, 30);
        long capped = Math.min(Math.max(ceiling, 1), max.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
