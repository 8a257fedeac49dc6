package dev.docket.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.docket.rules.version.ActivationConflictException;
import dev.docket.rules.version.RuleVersion;
import dev.docket.rules.version.RuleVersionStore;
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
                  Clock clock, ApplicationEventPublisher<RuleSetActivated> events) {
        this.folder = Path.of(properties.folder());
        this.events = events;
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
        start(startupCheck.result());
    }

    private void start(CheckResult result) {
        Optional<RuleVersion> recorded = store.active();
        if (result.ok()) {
            String hash = result.ruleSet().version();
            if (recorded.isPresent() && store.hasEverActivated(hash)) {
                // This folder was live before; whatever the database says now (a rollback, say) stands.
                adopt(recorded.get());
            } else {
                try {
                    current = new Active(result.ruleSet(), store.recordActivation(result.ruleSet(), RuleVersion.Source.FILE, null,
                            clock.instant(), recorded.map(RuleVersion::id).orElse(null)));
                } catch (ActivationConflictException e) {
                    // Another instance recorded its folder while this one started; the database's choice stands.
                    adopt(store.active().orElseThrow(() -> e));
                }
            }
            record(RuleVersion.Source.FILE, result);
            if (!current.ruleSet().version().equals(hash) && !store.hasEverActivated(hash)) {
                recordLost(RuleVersion.Source.FILE, result, current.version());
            }
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
        return activate(sources, source, by, current.version().id());
    }

    /**
     * As {@link #activate(List, RuleVersion.Source, String)}, for a candidate built on version {@code basedOn}:
     * it goes live only if that version is still live in the database (compare-and-set), so a change made
     * meanwhile on any instance is never silently dropped.
     *
     * @throws RuleActivationLostException when another activation won; this instance then serves the winner
     */
    public synchronized CheckResult activate(List<RuleSource> sources, RuleVersion.Source source, @Nullable String by,
                                             long basedOn) {
        CheckResult result = CandidateChecker.check(sources);
        // Recorded before the swap: a status read in between may show the old version as healthy,
        // but never the new version next to the previous attempt's failure.
        record(source, result);
        if (result.ok() && result.ruleSet().version().equals(current.ruleSet().version())) {
            LOG.debug("Candidate from {} is the active policy {}; nothing to activate", source, current.ruleSet().version());
        } else if (result.ok()) {
            RuleVersion version;
            try {
                version = store.recordActivation(result.ruleSet(), source, by, clock.instant(), basedOn);
            } catch (ActivationConflictException e) {
                RuleVersion winner = store.active().orElseThrow(() -> e);
                syncWithDatabase();
                recordLost(source, result, winner);
                throw new RuleActivationLostException(result.ruleSet().version(), winner);
            }
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

    /** Picks up a version another instance activated; the database's choice is the shared truth. */
    @Scheduled(fixedDelay = "${docket.rules.sync-interval:5s}", initialDelay = "${docket.rules.sync-interval:5s}")
    synchronized void syncWithDatabase() {
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

    /**
     * The candidate passed its checks but another activation went live first: status and health say so
     * (not activated, with the winner named) until the next attempt.
     */
    private void recordLost(RuleVersion.Source source, CheckResult result, RuleVersion winner) {
        String problem = RuleActivationLostException.describe(result.ruleSet().version(), winner);
        lastAttempt = new RulesStatus.Attempt(attempts.incrementAndGet(), clock.instant(), source, result.ruleSet().version(),
                false, result.took().toMillis(), List.of(new RuleProblem(null, 0, 0, problem)));
        LOG.warn("Rule candidate from {} lost a simultaneous activation; version {} is live. {}", source, winner.id(), problem);
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
