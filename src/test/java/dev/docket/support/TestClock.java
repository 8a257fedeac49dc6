package dev.docket.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

/** Replaces the system clock in tests: starts Monday 2026-11-02 09:00 UTC and moves only when told. */
@Singleton
@Replaces(Clock.class)
public class TestClock extends Clock {

    public static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

    private volatile Instant now = START;

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
