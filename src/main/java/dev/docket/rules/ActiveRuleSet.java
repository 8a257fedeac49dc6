package dev.docket.rules;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.docket.rules.version.RuleVersion;
import dev.docket.rules.version.RuleVersionStore;
import dev.docket.system.Once;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set rankings use, swapped atomically and only after a candidate passes every check,
 * so a ranking is always computed wholly with one version and a broken edit never reaches the queue.
 * The active version is recorded in the database, which is what several instances agree on.
 */
@Context
public class ActiveRuleSet {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveRuleSet.class);

    private final Path folder;
    private final RuleVersionStore store;
    private final RulesMetrics metrics;
    private final Clock clock;
    private final ApplicationEventPublisher<RuleSetActivated> events;
    private volatile Active current;
    private volatile RulesStatus.Attempt lastAttempt;
    private final AtomicLong attempts = new AtomicLong();

    /** The compiled set together with the recorded version it belongs to. */
    public record Active(CompiledRuleSet ruleSet, RuleVersion version) {
    }

    // The startup check comes first, so its thread is started before the database the store needs is opened.
    ActiveRuleSet(StartupCheck startupCheck, RulesProperties properties, RuleVersionStore store, RulesMetrics metrics,
                  Clock clock, ApplicationEventPublisher<RuleSetActivated> events, Once once) {
        this.folder = Path.of(properties.folder());
        this.events = events;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        // Instances starting together take turns: the second adopts the version the first recorded, not a copy of it.
        once.inTurn("rules-start", Duration.ofMinutes(2), () -> start(startupCheck.result()));
    }

    private void start(CheckResult result) {
        Optional<RuleVersion> recorded = store.active();
        if (result.ok()) {
            String hash = result.ruleSet().version();
            if (recorded.isPresent() && store.hasEverActivated(hash)) {
                // This folder was live before; whatever the database says now (a rollback, say) stands.
                adopt(recorded.get());
            } else {
                current = new Active(result.ruleSet(), store.recordActivation(result.ruleSet(), RuleVersion.Source.FILE, null, clock.instant()));
            }
            record(RuleVersion.Source.FILE, result);
        } else if (recorded.isPresent()) {
            adopt(recorded.get());
            record(RuleVersion.Source.FILE, result);
            LOG.error("The rules in {} fail their checks; serving the last good version {} instead.\n{}",
                    folder.toAbsolutePath(), current.version().id(), describe(result.problems()));
        } else {
            LOG.error("Refusing to start: the rules in {} fail their checks.\n{}", folder.toAbsolutePath(), describe(result.problems()));
            throw new RuleCompilationException(result.problems());
        }
        LOG.info("Rule set {} (version {}) active: {} rules", current.ruleSet().version(), current.version().id(),
                current.ruleSet().ruleNames().size());
    }

    public CompiledRuleSet get() {
        return current.ruleSet();
    }

    public Active active() {
        return current;
    }

    public @Nullable RulesStatus.Attempt lastAttempt() {
        return lastAttempt;
    }

    public Path folder() {
        return folder;
    }

    /** Checks a candidate and, if it passes, records it and makes it live for every instance. */
    public synchronized CheckResult activate(List<RuleSource> sources, RuleVersion.Source source, @Nullable String by) {
        CheckResult result = CandidateChecker.check(sources);
        // Recorded before the swap: a status read in between may show the old version as healthy,
        // but never the new version next to the previous attempt's failure.
        record(source, result);
        if (result.ok() && result.ruleSet().version().equals(current.ruleSet().version())) {
            LOG.debug("Candidate from {} is the active policy {}; nothing to activate", source, current.ruleSet().version());
        } else if (result.ok()) {
            RuleVersion version = store.recordActivation(result.ruleSet(), source, by, clock.instant());
            current = new Active(result.ruleSet(), version);
            events.publishEvent(new RuleSetActivated(result.ruleSet().version()));
            LOG.info("Rule set {} (version {}, from {}) is live after {} ms", result.ruleSet().version(), version.id(),
                    source, result.took().toMillis());
        } else {
            LOG.warn("Rule candidate from {} rejected; version {} keeps serving.\n{}", source, current.version().id(),
                    describe(result.problems()));
        }
        return result;
    }

    /** Makes an earlier version live again; its own checks (scenarios included) must still pass. */
    public synchronized CheckResult rollback(long versionId, @Nullable String by) {
        RuleVersion target = store.find(versionId).orElseThrow(() -> new UnknownRuleVersionException(versionId));
        return activate(store.sourcesOf(target.id()), RuleVersion.Source.ROLLBACK, by);
    }

    /**
     * Picks up a version another instance activated; the database's choice is the shared truth. The change feed
     * calls this as soon as it reads the activation; the schedule is the fallback.
     */
    @Scheduled(fixedDelay = "${docket.rules.sync-interval:5s}", initialDelay = "${docket.rules.sync-interval:5s}")
    public synchronized void syncWithDatabase() {
        store.active().filter(v -> !v.id().equals(current.version().id())).ifPresent(v -> {
            adopt(v);
            events.publishEvent(new RuleSetActivated(current.ruleSet().version()));
            LOG.info("Adopted rule set version {} activated elsewhere", v.id());
        });
    }

    private void adopt(RuleVersion version) {
        if (current != null && current.ruleSet().version().equals(version.hash())) {
            current = new Active(current.ruleSet(), version);
            return;
        }
        CheckResult stored = CandidateChecker.check(store.sourcesOf(version.id()));
        if (!stored.ok()) {
            throw new RuleCompilationException(stored.problems());
        }
        current = new Active(stored.ruleSet(), version);
    }

    private void record(RuleVersion.Source source, CheckResult result) {
        lastAttempt = new RulesStatus.Attempt(attempts.incrementAndGet(), clock.instant(), source,
                result.ruleSet() == null ? null : result.ruleSet().version(), result.ok(), result.took().toMillis(),
                result.problems());
        metrics.recordAttempt(result);
    }

    private static String describe(List<RuleProblem> problems) {
        return String.join("\n", problems.stream().map(p -> "  " + p).toList());
    }
}
