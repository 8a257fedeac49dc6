package dev.docket.override;

import java.time.Clock;
import java.time.Instant;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ranking is rebuilt when the business day turns, but an override can expire mid-day. Every minute
 * (docket.overrides.expiry-check) this announces each override that expired since the last check, so that
 * contract is re-scored without it. The window is kept in memory on purpose: every instance keeps its own
 * ranking and must hear of each expiry.
 */
@Singleton
class OverrideExpiryCheck {

    private static final Logger LOG = LoggerFactory.getLogger(OverrideExpiryCheck.class);

    private final OverrideService overrides;
    private final Clock clock;
    private Instant lastCheck;

    OverrideExpiryCheck(OverrideService overrides, Clock clock) {
        this.overrides = overrides;
        this.clock = clock;
        // Overrides that expired before start-up are already left out by the start-up ranking.
        this.lastCheck = clock.instant();
    }

    @Scheduled(fixedDelay = "${docket.overrides.expiry-check:1m}", initialDelay = "${docket.overrides.expiry-check:1m}")
    synchronized int check() {
        Instant now = clock.instant();
        if (!now.isAfter(lastCheck)) {
            // The clock was set back (tests do, and so can an NTP step); start the window again from here.
            lastCheck = now;
            return 0;
        }
        int expired = overrides.announceExpired(lastCheck, now);
        lastCheck = now;
        if (expired > 0) {
            LOG.info("{} override(s) expired since the last check; their contracts are re-ranked without them", expired);
        }
        return expired;
    }
}
