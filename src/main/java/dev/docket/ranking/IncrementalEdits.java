package dev.docket.ranking;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

/**
 * Takes committed edits into the ranking served: each edited contract is re-read, re-scored alone and its slot moved,
 * so its new rank shows at once. While the policy has a rule that compares contracts
 * ({@link dev.docket.rules.check.RuleForms}) an edit starts a full re-rank instead.
 */
@Singleton
class IncrementalEdits {

    private final ServedRanking served;
    private final BacklogRebuild rebuilds;
    private final StoredScoring stored;
    private final RankingMetrics metrics;
    private final Clock clock;
    private final ApplicationEventPublisher<Object> events;
    // Edits are scored outside the lock, so they may finish out of order: each carries a sequence number, and an
    // edit older than the last one applied to its contract is dropped. Also what a candidate's trial replays.
    private final AtomicLong editSequence = new AtomicLong();
    private final Map<Long, Long> lastEdit = new ConcurrentHashMap<>();
    private final Map<Long, Long> appliedEdit = new ConcurrentHashMap<>();

    IncrementalEdits(ServedRanking served, BacklogRebuild rebuilds, StoredScoring stored, RankingMetrics metrics, Clock clock,
                     ApplicationEventPublisher<Object> events) {
        this.served = served;
        this.rebuilds = rebuilds;
        this.stored = stored;
        this.metrics = metrics;
        this.clock = clock;
        this.events = events;
    }

    /** Takes in one edited contract; {@code fromFeed} when another instance committed it. */
    void apply(long contractId, boolean fromFeed) {
        metrics.incremental().record(() -> applyEdit(contractId, fromFeed));
    }

    /** Takes in contracts other instances edited, with one query per kind of record for all of them. */
    void applyFromFeed(Collection<Long> contractIds) {
        if (contractIds.size() == 1) {
            apply(contractIds.iterator().next(), true);
        } else if (!contractIds.isEmpty()) {
            metrics.incremental().record(() -> applyEdits(contractIds));
        }
    }

    /** The sequence number of the last edit noted. */
    long sequence() {
        return editSequence.get();
    }

    /** The contracts whose last edit came after the sequence number. Holding the lock. */
    List<Long> editedAfter(long sequence) {
        List<Long> edited = new ArrayList<>();
        for (Map.Entry<Long, Long> edit : lastEdit.entrySet()) {
            if (edit.getValue() > sequence) {
                edited.add(edit.getKey());
            }
        }
        return edited;
    }

    private void applyEdit(long contractId, boolean fromFeed) {
        long sequence = editSequence.incrementAndGet();
        Ranking ranking = rankingToEdit(List.of(contractId), sequence);
        if (ranking == null) {
            return;
        }
        // Scored outside the lock and within the time limit: a rule slow on this contract never holds other writes.
        Ranking.Slot replacement = stored.score(contractId, ranking);
        synchronized (served) {
            if (appliedEdit.getOrDefault(contractId, 0L) > sequence) {
                return;
            }
            appliedEdit.put(contractId, sequence);
            Ranking now = served.get();
            if (now.ruleSet() != ranking.ruleSet() || !now.day().equals(ranking.day())) {
                replacement = stored.score(contractId, now);
            }
            served.replace(moved(now, contractId, replacement, fromFeed));
        }
    }

    private void applyEdits(Collection<Long> contractIds) {
        long sequence = editSequence.incrementAndGet();
        Ranking ranking = rankingToEdit(contractIds, sequence);
        if (ranking == null) {
            return;
        }
        // Scored outside the lock and within the time limit, as a single edit is.
        Map<Long, Ranking.Slot> scored = stored.score(contractIds, ranking);
        synchronized (served) {
            Ranking now = served.get();
            boolean rescore = now.ruleSet() != ranking.ruleSet() || !now.day().equals(ranking.day());
            for (long id : contractIds) {
                if (appliedEdit.getOrDefault(id, 0L) > sequence) {
                    continue;
                }
                appliedEdit.put(id, sequence);
                now = moved(now, id, rescore ? stored.score(id, now) : scored.get(id), true);
            }
            served.replace(now);
        }
    }

    /**
     * Notes the edits for a rebuild under way and returns the ranking to score them against; null when there is none
     * yet, or when the rules compare contracts and a full re-rank was started instead.
     */
    private Ranking rankingToEdit(Collection<Long> contractIds, long sequence) {
        synchronized (served) {
            contractIds.forEach(id -> lastEdit.put(id, sequence));
            rebuilds.noteEdits(contractIds);
            Ranking ranking = served.get();
            if (ranking != null && !ranking.ruleSet().perContract()) {
                served.invalidate();
                rebuilds.start();
                return null;
            }
            return ranking;
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
}
