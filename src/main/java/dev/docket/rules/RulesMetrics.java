package dev.docket.rules;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.docket.rules.check.CheckResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

/** Rule reload outcomes as metrics, so an alert fires when a broken rule file sits unnoticed. */
@Singleton
public class RulesMetrics {

    private final Counter activated;
    private final Counter rejected;
    private final Timer checkTime;
    private final AtomicInteger candidateFailing = new AtomicInteger();

    RulesMetrics(MeterRegistry registry) {
        this.activated = Counter.builder("docket.rules.candidates").tag("result", "activated")
                .description("Rule set candidates that passed every check").register(registry);
        this.rejected = Counter.builder("docket.rules.candidates").tag("result", "rejected")
                .description("Rule set candidates refused by a check").register(registry);
        this.checkTime = Timer.builder("docket.rules.check.time")
                .description("Time to guard, compile, probe and scenario-test a candidate").register(registry);
        registry.gauge("docket.rules.candidate.failing", candidateFailing);
    }

    void recordAttempt(CheckResult result) {
        checkTime.record(result.took().toNanos(), TimeUnit.NANOSECONDS);
        (result.ok() ? activated : rejected).increment();
        candidateFailing.set(result.ok() ? 0 : 1);
    }
}
