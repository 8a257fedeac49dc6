package dev.docket.ranking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import dev.docket.calendar.BusinessCalendar;
import dev.docket.rules.scoring.CompiledRuleSet;
import dev.docket.rules.scoring.RuleScoring;
import dev.docket.rules.scoring.ScoringFailure;
import dev.docket.contract.Contract;
import dev.docket.contract.ContractChanged;
import dev.docket.contract.ContractRepository;
import dev.docket.contract.Gate;
import dev.docket.contract.GateRepository;
import dev.docket.facts.ContractFact;
import dev.docket.feed.BacklogFollower;
import dev.docket.rules.ActiveRuleSet;
import dev.docket.rules.BacklogTrial;
import dev.docket.rules.RuleSetActivated;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Keeps the ranking of the open backlog in memory; reads never run the rules.
 * <ul>
 * <li>A committed edit re-scores only that contract and moves its slot, so its new rank shows at once.</li>
 * <li>The whole backlog is re-ranked only when it must be: at start-up, on a new rule set, on a new
 * business day, after {@link #invalidate()}, and on every edit while the policy has a rule that compares
 * contracts ({@link dev.docket.rules.check.RuleForms}). That runs in the background; readers keep the previous ranking until
 * the new one is complete, and edits made meanwhile are replayed onto it.</li>
 * </ul>
 * The database stays the source of truth; this is a cache rebuilt from it.
 */
@Singleton
public class RankingService implements BacklogTrial, BacklogFollower {

    /** The executor full re-ranks run on (application.yml): one thread, so re-ranks never overlap, and never on a request thread. */
    static final String REBUILDER = "rank-rebuild";

    private final ContractRepository contracts;
    private final GateRepository gates;
    private final BacklogScorer scorer;
    private final ActiveRuleSet rules;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final RankingMetrics metrics;
    private final ApplicationEventPublisher<Object> events;
    private final RuleScoring scoring;
    private final ExecutorService rebuilder;
    private final AtomicLong backlogVersion = new AtomicLong();
    // Edits are scored outside the lock, so they may finish out of order: each carries a sequence number, and an
    // edit older than the last one applied to its contract is dropped. Also what a candidate's trial replays.
    private final AtomicLong editSequence = new AtomicLong();
    private final Map<Long, Long> lastEdit = new ConcurrentHashMap<>();
    private final Map<Long, Long> appliedEdit = new ConcurrentHashMap<>();
    private final Set<Long> editedDuringRebuild = new LinkedHashSet<>();
    private volatile Ranking current;
    private CompletableFuture<Ranking> rebuilding;

    RankingService(ContractRepository contracts, GateRepository gates, BacklogScorer scorer, ActiveRuleSet rules,
                   BusinessCalendar calendar, Clock clock, RankingMetrics metrics, ApplicationEventPublisher<Object> events,
                   RuleScoring scoring, @Named(RankingService.REBUILDER) ExecutorService rebuilder) {
        this.scoring = scoring;
        this.rebuilder = rebuilder;
        this.contracts = contracts;
        this.gates = gates;
        this.scorer = scorer;
        this.rules = rules;
        this.calendar = calendar;
        this.clock = clock;
        this.metrics = metrics;
        this.events = events;
    }

    /** The current ranking. If it is out of date a rebuild starts, and this one is served until it is done. */
    public Ranking current() {
        Ranking ranking = current;
        if (isFresh(ranking)) {
            return ranking;
        }
        if (ranking == null) {
            return fresh();
        }
        rebuild();
        return ranking;
    }

    /** A ranking that reflects everything committed so far; waits for a rebuild if one is needed. */
    public Ranking fresh() {
        Ranking ranking = current;
        while (!isFresh(ranking)) {
            ranking = rebuild().join();
        }
        return ranking;
    }

    /** The ranking being served, as it is: null before the first one is computed; never starts or waits for a rebuild. */
    Ranking published() {
        return current;
    }

    /** The ranking being served if it is up to date, else null; takes no lock, so an event-loop thread may ask. */
    public Ranking publishedIfFresh() {
        Ranking ranking = current;
        return isFresh(ranking) ? ranking : null;
    }

    /** Marks the ranking out of date, for writes that bypass the contract service such as bulk loads. */
    public void invalidate() {
        backlogVersion.incrementAndGet();
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        rebuild();
    }

    @EventListener
    void onRuleSetActivated(RuleSetActivated event) {
        // An activation through ActiveRuleSet serves the candidate's own ranking first; only a version adopted
        // from elsewhere (another instance) still needs one.
        if (!isFresh(current)) {
            rebuild();
        }
    }

    /** Age and urgency count days, so a new business day means new scores for everyone. */
    @Scheduled(fixedDelay = "1m", initialDelay = "1m")
    void onClockTick() {
        Ranking ranking = current;
        if (ranking != null && !ranking.day().equals(calendar.today())) {
            rebuild();
        }
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onContractChanged(ContractChanged event) {
        metrics.incremental().record(() -> applyEdit(event.contractId(), false));
    }

    /**
     * Takes in a change another instance committed (read from the change feed) by the same incremental path as this
     * instance's own edits: the contract is re-read as stored now and re-scored.
     */
    public void applyChange(long contractId) {
        metrics.incremental().record(() -> applyEdit(contractId, true));
    }

    /**
     * Takes in changes other instances committed to several contracts at once, as {@link #applyChange} does for
     * one, with one query per kind of record for all of them: a busy feed then costs a few queries per poll
     * instead of a few per event.
     */
    @Override
    public void applyChanges(Collection<Long> contractIds) {
        if (contractIds.size() == 1) {
            applyChange(contractIds.iterator().next());
        } else if (!contractIds.isEmpty()) {
            metrics.incremental().record(() -> applyEdits(contractIds));
        }
    }

    private void applyEdits(Collection<Long> contractIds) {
        long sequence = editSequence.incrementAndGet();
        Ranking ranking = rankingToEdit(contractIds, sequence);
        if (ranking == null) {
            return;
        }
        // Scored outside the lock and within the time limit, as a single edit is.
        List<Contract> open = contracts.findAll((root, cb) -> root.get("id").in(contractIds)).stream()
                .filter(c -> c.status().isOpen()).toList();
        Map<Long, List<Gate>> gatesById = open.isEmpty() ? Map.of()
                : gates.findByContractIdIn(open.stream().map(Contract::id).toList()).stream()
                .sorted(Comparator.comparing(Gate::name))
                .collect(Collectors.groupingBy(Gate::contractId));
        Map<Long, Ranking.Slot> scored = new HashMap<>();
        for (Ranking.Slot slot : scorer.score(open, gatesById, ranking.ruleSet(), ranking.day()).slots()) {
            scored.put(slot.fact().getId(), slot);
        }
        synchronized (this) {
            Ranking now = current;
            boolean rescore = now.ruleSet() != ranking.ruleSet() || !now.day().equals(ranking.day());
            for (long id : contractIds) {
                if (appliedEdit.getOrDefault(id, 0L) > sequence) {
                    continue;
                }
                appliedEdit.put(id, sequence);
                now = moved(now, id, rescore ? scoreStored(id, now) : scored.get(id), true);
            }
            current = now;
        }
    }

    /**
     * Notes the edits for a rebuild under way and returns the ranking to score them against; null when there is none
     * yet, or when the rules compare contracts and a full re-rank was started instead.
     */
    private synchronized Ranking rankingToEdit(Collection<Long> contractIds, long sequence) {
        contractIds.forEach(id -> lastEdit.put(id, sequence));
        if (rebuilding != null) {
            editedDuringRebuild.addAll(contractIds);
        }
        Ranking ranking = current;
        if (ranking != null && !ranking.ruleSet().perContract()) {
            invalidate();
            rebuild();
            return null;
        }
        return ranking;
    }

    /** Re-reads the whole backlog in the background: another instance bulk-loaded, or this one fell too far behind. */
    @Override
    public void reload() {
        invalidate();
        rebuild();
    }

    private void applyEdit(long contractId, boolean fromFeed) {
        long sequence = editSequence.incrementAndGet();
        Ranking ranking = rankingToEdit(List.of(contractId), sequence);
        if (ranking == null) {
            return;
        }
        // Scored outside the lock and within the time limit: a rule slow on this contract never holds other writes.
        Ranking.Slot replacement = scoreStored(contractId, ranking);
        synchronized (this) {
            if (appliedEdit.getOrDefault(contractId, 0L) > sequence) {
                return;
            }
            appliedEdit.put(contractId, sequence);
            Ranking now = current;
            if (now.ruleSet() != ranking.ruleSet() || !now.day().equals(ranking.day())) {
                replacement = scoreStored(contractId, now);
            }
            current = moved(now, contractId, replacement, fromFeed);
        }
    }

    /** {@code ranking} with the contract's slot replaced (null: it left), announced to the rank history. */
    private Ranking moved(Ranking ranking, long contractId, Ranking.Slot replacement, boolean fromFeed) {
        Integer oldIndex = ranking.indexOf(contractId).orElse(null);
        Ranking next = ranking.withEdit(contractId, replacement, clock.instant());
        Integer newIndex = next.indexOf(contractId).orElse(null);
        if (oldIndex != null || newIndex != null) {
            events.publishEvent(new RankingEvents.ContractMoved(next, contractId,
                    oldIndex == null ? null : ranking.slotFact(oldIndex), oldIndex,
                    newIndex == null ? null : next.slotFact(newIndex), newIndex, next.computedAt(), fromFeed));
        }
        return next;
    }

    /** Loads the contract as stored now (inside the lock, after its commit) and scores it with the ranking's own rules. */
    private Ranking withEdit(Ranking ranking, long contractId) {
        return ranking.withEdit(contractId, scoreStored(contractId, ranking), clock.instant());
    }

    /** The contract as stored now, scored with the ranking's rules; null when it is no longer open. */
    private Ranking.Slot scoreStored(long contractId, Ranking ranking) {
        return contracts.findById(contractId)
                .filter(c -> c.status().isOpen())
                .map(c -> scorer.score(List.of(c), Map.of(c.id(), gates.findByContractIdOrderByName(c.id())), ranking.ruleSet(),
                        ranking.day()).slots().get(0))
                .orElse(null);
    }

    @Override
    public List<ScoringFailure> parked() {
        Ranking ranking = current;
        return ranking == null ? List.of() : ranking.parked();
    }

    @Override
    public Trial rank(CompiledRuleSet candidate) {
        long version = backlogVersion.get();
        long editsBefore = editSequence.get();
        LocalDate today = calendar.today();
        BacklogScorer.Backlog backlog = scorer.loadOpenBacklog();
        BacklogScorer.Scored scored = scorer.score(backlog.contracts(), backlog.gatesById(), candidate, today);
        Ranking ranking = new Ranking(scored.slots(), candidate, clock.instant(), today, version);
        return new Trial() {
            @Override
            public List<ScoringFailure> failures() {
                return scored.failures();
            }

            @Override
            public int contracts() {
                return ranking.size();
            }

            @Override
            public void serve() {
                serveTrial(ranking, editsBefore);
            }
        };
    }

    /** Serves a candidate's ranking, with the edits committed while it was computed replayed onto it. */
    private synchronized void serveTrial(Ranking ranking, long editsBefore) {
        Ranking next = ranking;
        for (Map.Entry<Long, Long> edit : lastEdit.entrySet()) {
            if (edit.getValue() > editsBefore) {
                next = withEdit(next, edit.getKey());
            }
        }
        Ranking previous = current;
        current = next;
        events.publishEvent(new RankingEvents.Rebuilt(next, previous));
    }

    private synchronized CompletableFuture<Ranking> rebuild() {
        if (rebuilding == null) {
            editedDuringRebuild.clear();
            // Registered before the work starts, so a rebuild that finishes at once cannot leave a stale future behind.
            CompletableFuture<Ranking> started = new CompletableFuture<>();
            rebuilding = started;
            try {
                // In an empty context: Micronaut's executors carry the caller's, whose connection and transaction
                // are closed by the time the rebuild reads the backlog.
                rebuilder.execute(PropagatedContext.empty().wrap(() -> {
                    try {
                        started.complete(publish(metrics.full().record(this::compute)));
                    } catch (RuntimeException | Error e) {
                        abandonRebuild();
                        started.completeExceptionally(e);
                    }
                }));
            } catch (RejectedExecutionException e) {
                // Docket is shutting down; the ranking already served stays, and no caller waits for a rebuild that never runs.
                abandonRebuild();
                started.completeExceptionally(e);
                return started;
            }
        }
        return rebuilding;
    }

    private synchronized void abandonRebuild() {
        rebuilding = null;
        editedDuringRebuild.clear();
    }

    private synchronized Ranking publish(Ranking ranking) {
        rebuilding = null;
        if (current != null && current.ruleSet() == rules.get() && ranking.ruleSet() != rules.get()) {
            // A rebuild with the previous rules finished after the new rules' own ranking was served: keep that.
            editedDuringRebuild.clear();
            return current;
        }
        Ranking next = ranking;
        for (long id : editedDuringRebuild) {
            next = withEdit(next, id);
        }
        editedDuringRebuild.clear();
        Ranking previous = current;
        current = next;
        events.publishEvent(new RankingEvents.Rebuilt(next, previous));
        return next;
    }

    private boolean isFresh(Ranking ranking) {
        return ranking != null
                && ranking.backlogVersion() == backlogVersion.get()
                && ranking.day().equals(calendar.today())
                && ranking.ruleVersion().equals(rules.get().version());
    }

    private Ranking compute() {
        // Read the change counter before the data: an invalidation meanwhile makes this ranking stale at once.
        long version = backlogVersion.get();
        CompiledRuleSet ruleSet = rules.get();
        LocalDate today = calendar.today();
        Ranking previous = current;
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
