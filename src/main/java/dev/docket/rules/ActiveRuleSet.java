package dev.docket.rules;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.docket.feed.RulesFollower;
import dev.docket.rules.check.CandidateChecker;
import dev.docket.rules.check.CheckResult;
import dev.docket.rules.check.RuleCompilationException;
import dev.docket.rules.check.RuleLocations;
import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.scoring.ScoringFailure;
import dev.docket.rules.source.RuleFolder;
import dev.docket.rules.source.RuleProblem;
import dev.docket.rules.source.RuleSource;
import dev.docket.rules.version.FolderDrift;
import dev.docket.rules.version.ActivationConflictException;
import dev.docket.rules.version.RuleVersion;
import dev.docket.rules.version.RuleVersionStore;
import io.micronaut.context.BeanProvider;
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
public class ActiveRuleSet implements RulesFollower {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveRuleSet.class);

    private final Path folder;
    private final RuleVersionStore store;
    private final RulesMetrics metrics;
    private final Clock clock;
    private final ApplicationEventPublisher<RuleSetActivated> events;
    private final BeanProvider<BacklogTrial> backlog;
    private final CandidateChecker checker;
    private volatile Active current;
    private volatile RulesStatus.Attempt lastAttempt;
    private volatile FolderDrift drift;
    // False from an API activation or rollback that left the folder holding another policy until the folder matches again.
    private volatile boolean folderInStep = true;
    private final AtomicLong attempts = new AtomicLong();

    /** The compiled set together with the recorded version it belongs to. */
    public record Active(CompiledRuleSet ruleSet, RuleVersion version) {
    }

    // The startup check comes first, so its thread is started before the database the store needs is opened.
    ActiveRuleSet(StartupCheck startupCheck, RulesProperties properties, RuleVersionStore store, RulesMetrics metrics,
                  Clock clock, ApplicationEventPublisher<RuleSetActivated> events, BeanProvider<BacklogTrial> backlog, Once once,
                  CandidateChecker checker) {
        this.checker = checker;
        this.folder = Path.of(properties.folder());
        this.backlog = backlog;
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
        refreshDrift();
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

    /** How the folder differs from a live version set through the API, or null when they agree (or the folder rules). */
    public @Nullable FolderDrift drift() {
        return drift;
    }

    /**
     * A change in the folder. While the live version was set through the API (activate or rollback) and the folder
     * holds another policy, the change is held, not activated: a folder event never silently undoes a rollback.
     * Changes go live as usual again once the folder has matched the live version, or after {@link #takeFolder}.
     */
    public synchronized void folderChanged(List<RuleSource> sources) {
        if (!folderInStep) {
            FolderDrift found = FolderDrift.between(current.ruleSet().sources(), current.ruleSet().version(), sources, clock.instant());
            FolderDrift before = drift;
            drift = found == null ? null : before != null && before.folderVersion().equals(found.folderVersion()) ? before : found;
            if (found != null) {
                LOG.warn("Rules folder change held: {}", found.describe());
            } else {
                folderInStep = true;
                LOG.info("The rules folder matches the live version {} again; its changes go live again", current.version().id());
            }
            return;
        }
        activate(sources, RuleVersion.Source.FILE, null);
    }

    /** A rules admin takes the folder's version, ending a hold: it is checked and activated like any folder change. */
    public synchronized CheckResult takeFolder(@Nullable String by) {
        return activate(RuleFolder.read(folder), RuleVersion.Source.FILE, by);
    }

    private void refreshDrift() {
        if (current.version().source() == RuleVersion.Source.FILE) {
            drift = null;
            folderInStep = true;
            return;
        }
        try {
            drift = FolderDrift.between(current.ruleSet().sources(), current.ruleSet().version(), RuleFolder.read(folder), clock.instant());
            folderInStep = drift == null;
        } catch (RuntimeException e) {
            LOG.warn("Cannot read {} to compare it with the live version: {}", folder.toAbsolutePath(), e.getMessage());
        }
    }

    public Path folder() {
        return folder;
    }

    /**
     * What an API candidate is laid over: the live policy, with the scenario tests in the folder now (a scenario
     * saved alone must count before any new policy goes live), or the live version's own if the folder is unreadable.
     */
    public List<RuleSource> candidateBase() {
        List<RuleSource> base = new java.util.ArrayList<>(current.ruleSet().sources().stream()
                .filter(s -> s.kind() != RuleSource.Kind.SCENARIO).toList());
        try {
            base.addAll(RuleFolder.read(folder).stream().filter(s -> s.kind() == RuleSource.Kind.SCENARIO).toList());
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the scenario tests in {} ({}); the live version's are used", folder.toAbsolutePath(), e.getMessage());
            base.addAll(current.ruleSet().sources().stream().filter(s -> s.kind() == RuleSource.Kind.SCENARIO).toList());
        }
        return base;
    }

    /**
     * Checks a candidate and, if it passes, ranks the real backlog with it; only if every contract scores is it
     * recorded, made live for every instance and its ranking served. The attempt is reported activated only then.
     */
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
        CheckResult result = checker.check(sources);
        if (result.ok() && result.ruleSet().version().equals(current.ruleSet().version())) {
            record(source, result);
            LOG.debug("Candidate from {} is the active policy {}; nothing to activate", source, current.ruleSet().version());
            return result;
        }
        if (!result.ok()) {
            record(source, result);
            LOG.warn("Rule candidate from {} rejected; version {} keeps serving.\n{}", source, current.version().id(),
                    describe(result.problems()));
            return result;
        }
        BacklogTrial.Trial trial = backlog.get().rank(result.ruleSet());
        if (!trial.failures().isEmpty()) {
            CheckResult refused = new CheckResult(null, onBacklog(result.ruleSet(), trial), result.took());
            record(source, refused);
            LOG.warn("Rule candidate {} from {} failed on the real backlog; version {} keeps serving.\n{}",
                    result.ruleSet().version(), source, current.version().id(), describe(refused.problems()));
            return refused;
        }
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
        trial.serve();
        // Recorded once the candidate's own ranking is being served: "activated" is then true of what ranks.
        record(source, result);
        refreshDrift();
        events.publishEvent(new RuleSetActivated(result.ruleSet().version()));
        LOG.info("Rule set {} (version {}, from {}) is live, ranking {} contracts, after {} ms", result.ruleSet().version(),
                version.id(), source, trial.contracts(), result.took().toMillis());
        return result;
    }

    /**
     * Every check activation makes, the real backlog included, without activating: what validate answers, so a
     * candidate valid there is not refused on activation for a reason validate could have seen.
     */
    public CheckResult check(List<RuleSource> sources) {
        CheckResult result = checker.check(sources);
        if (!result.ok()) {
            return result;
        }
        BacklogTrial.Trial trial = backlog.get().rank(result.ruleSet());
        return trial.failures().isEmpty() ? result : new CheckResult(null, onBacklog(result.ruleSet(), trial), result.took());
    }

    /** Each contract the candidate could not score, at the rule's file and line. */
    private static List<RuleProblem> onBacklog(CompiledRuleSet candidate, BacklogTrial.Trial trial) {
        List<RuleProblem> problems = new java.util.ArrayList<>();
        for (ScoringFailure failure : trial.failures().stream().limit(20).toList()) {
            problems.add(RuleLocations.at(candidate.sources(), failure.rule(), "on the real backlog, " + failure.describe()
                    + "; the candidate would not rank every contract, so it is not activated"));
        }
        if (trial.failures().size() > 20) {
            problems.add(new RuleProblem(null, 0, 0, (trial.failures().size() - 20) + " more contracts failed the same way"));
        }
        return problems;
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
    @Override
    public synchronized void syncWithDatabase() {
        store.active().filter(v -> !v.id().equals(current.version().id())).ifPresent(v -> {
            adopt(v);
            refreshDrift();
            events.publishEvent(new RuleSetActivated(current.ruleSet().version()));
            LOG.info("Adopted rule set version {} activated elsewhere", v.id());
        });
    }

    private void adopt(RuleVersion version) {
        if (current != null && current.ruleSet().version().equals(version.hash())) {
            current = new Active(current.ruleSet(), version);
            return;
        }
        CheckResult stored = checker.check(store.sourcesOf(version.id()));
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
