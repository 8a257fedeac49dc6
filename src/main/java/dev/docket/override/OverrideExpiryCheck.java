package dev.docket.override;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.docket.system.Once;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ranking is rebuilt when the business day turns, but an override can expire mid-day. Every minute
 * (docket.overrides.expiry-check) one instance, the one that gets the ShedLock lock, records each override that
 * expired since the last check in the change feed and re-ranks its contract; every other instance re-ranks it when
 * it reads the event. So each expiry is one event and one history move per instance, however many instances run.
 */
@Singleton
class OverrideExpiryCheck {

    private static final Logger LOG = LoggerFactory.getLogger(OverrideExpiryCheck.class);
    /** Far longer than a check takes; only a holder that died keeps the others waiting, this long at most. */
    private static final Duration AT_MOST = Duration.ofMinutes(5);

    private final OverrideService overrides;
    private final Once once;
    private final Clock clock;

    OverrideExpiryCheck(OverrideService overrides, Once once, Clock clock) {
        this.overrides = overrides;
        this.once = once;
        this.clock = clock;
    }

    /** Returns how many contracts had an override expire since the last check; 0 if another instance is checking. */
    @Scheduled(fixedDelay = "${docket.overrides.expiry-check:1m}", initialDelay = "${docket.overrides.expiry-check:1m}")
    int check() {
        AtomicInteger expired = new AtomicInteger();
        once.unlessRunningElsewhere("override-expiry", AT_MOST, () -> expired.set(overrides.recordExpired(clock.instant())));
        if (expired.get() > 0) {
            LOG.info("{} override(s) expired since the last check; their contracts are re-ranked without them", expired.get());
        }
        return expired.get();
    }
}
