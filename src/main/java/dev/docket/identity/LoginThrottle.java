package dev.docket.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed sign-ins for one user name, or {@link #MAX_ADDRESS_FAILURES}
 * from one address (higher, since an office shares one), within {@link #WINDOW}, further attempts are refused until the
 * window has passed. Kept per instance, in memory; a failure older than the window is forgotten.
 */
@Singleton
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final int MAX_ADDRESS_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long until {@code key} may try again; zero when it may now. */
    Duration wait(String key, int maxFailures) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            Instant now = clock.instant();
            recent.removeIf(at -> !at.isAfter(now.minus(WINDOW)));
            return recent.size() < maxFailures ? Duration.ZERO : Duration.between(now, recent.peekFirst().plus(WINDOW));
        }
    }

    void failed(String key) {
        if (failures.size() > MAX_KEYS) {
            failures.clear(); // bounded memory under a flood of made-up names; the flood is then throttled per address
        }
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(clock.instant());
        }
    }

    void succeeded(String key) {
        failures.remove(key);
    }
}
