package dev.docket.ranking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import dev.docket.calendar.BusinessCalendar;
import dev.docket.facts.ContractFact;
import dev.docket.rules.ActiveRuleSet;
import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.scoring.RuleScoring;
import io.micronaut.core.propagation.PropagatedContext;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Re-ranks the whole backlog in the background and publishes the result; readers keep the ranking served until the
 * new one is complete, and edits committed meanwhile are replayed onto it. One re-rank at a time.
 */
@Singleton
class BacklogRebuild {

    /** The executor full re-ranks run on (application.yml): one thread, so re-ranks never overlap, and never on a request thread. */
    static final String EXECUTOR = "rank-rebuild";

    private final ServedRanking served;
    private final StoredScoring stored;
    private final BacklogScorer scorer;
    private final RuleScoring scoring;
    private final ActiveRuleSet rules;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final RankingMetrics metrics;
    private final ExecutorService executor;
    // Guarded by the ranking lock (the monitor of served).
    private final Set<Long> editedDuringRebuild = new LinkedHashSet<>();
    private CompletableFuture<Ranking> rebuilding;

    BacklogRebuild(ServedRanking served, StoredScoring stored, BacklogScorer scorer, RuleScoring scoring, ActiveRuleSet rules,
                   BusinessCalendar calendar, Clock clock, RankingMetrics metrics, @Named(EXECUTOR) ExecutorService executor) {
        this.served = served;
        this.stored = stored;
        this.scorer = scorer;
        this.scoring = scoring;
        this.rules = rules;
        this.calendar = calendar;
        this.clock = clock;
        this.metrics = metrics;
        this.executor = executor;
    }

    /** Starts a re-rank unless one is under way; completes with the ranking it published. */
    CompletableFuture<Ranking> start() {
        synchronized (served) {
            if (rebuilding == null) {
                editedDuringRebuild.clear();
                // Registered before the work starts, so a rebuild that finishes at once cannot leave a stale future behind.
                CompletableFuture<Ranking> started = new CompletableFuture<>();
                rebuilding = started;
                try {
                    // In an empty context: Micronaut's executors carry the caller's, whose connection and transaction
                    // are closed by the time the rebuild reads the backlog.
                    executor.execute(PropagatedContext.empty().wrap(() -> {
                        try {
                            started.complete(publish(metrics.full().record(this::compute)));
                        } catch (RuntimeException | Error e) {
                            abandon();
                            started.completeExceptionally(e);
                        }
                    }));
                } catch (RejectedExecutionException e) {
                    // Docket is shutting down; the ranking already served stays, and no caller waits for a rebuild that never runs.
                    abandon();
                    started.completeExceptionally(e);
                    return started;
                }
            }
            return rebuilding;
        }
    }

    /** Notes edited contracts, to be replayed onto a re-rank under way. Holding the lock. */
    void noteEdits(Collection<Long> contractIds) {
        if (rebuilding != null) {
            editedDuringRebuild.addAll(contractIds);
        }
    }

    private void abandon() {
        synchronized (served) {
            rebuilding = null;
            editedDuringRebuild.clear();
        }
    }

    private Ranking publish(Ranking ranking) {
        synchronized (served) {
            rebuilding = null;
            Ranking current = served.get();
            if (current != null && current.ruleSet() == rules.get() && ranking.ruleSet() != rules.get()) {
                // A rebuild with the previous rules finished after the new rules' own ranking was served: keep that.
                editedDuringRebuild.clear();
                return current;
            }
            Ranking next = ranking;
            for (long id : editedDuringRebuild) {
                next = stored.withEdit(next, id);
            }
            editedDuringRebuild.clear();
            served.publish(next);
            return next;
        }
    }

    private Ranking compute() {
        // Read the change counter before the data: an invalidation meanwhile makes this ranking stale at once.
        long version = served.backlogVersion();
        CompiledRuleSet ruleSet = rules.get();
        LocalDate today = calendar.today();
        Ranking previous = served.get();
        if (previous != null && previous.backlogVersion() == version && previous.day().equals(today)) {
            // Only the rules changed: the facts in memory are the backlog as stored, so re-score copies of them.
            return rescore(previous, ruleSet);
        }
        BacklogScorer.Backlog backlog = scorer.loadOpenBacklog();
        return new Ranking(scorer.score(backlog.contracts(), backlog.gatesById(), ruleSet, today).slots(), ruleSet, clock.instant(),
                today, version);
    }

    private Ranking rescore(Ranking previous, CompiledRuleSet ruleSet) {
        List<Ranking.Slot> slots = new ArrayList<>(previous.size());
        List<ContractFact> fresh = new ArrayList<>(previous.size());
        for (Ranking.Slot slot : previous.slots()) {
            fresh.add(slot.fact().toBuilder().build());
        }
        List<ContractFact> scored = scoring.score(ruleSet, fresh).facts();
        for (int i = 0; i < scored.size(); i++) {
            slots.add(new Ranking.Slot(previous.slots().get(i).contract(), scored.get(i)));
        }
        slots.sort(Ranking.ORDER);
        return new Ranking(slots, ruleSet, clock.instant(), previous.day(), previous.backlogVersion());
    }
}
