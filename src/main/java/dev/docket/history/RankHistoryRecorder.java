package dev.docket.history;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.docket.feed.InstanceId;
import dev.docket.ranking.RankedEntry;
import dev.docket.ranking.Ranking;
import dev.docket.ranking.RankingEvents;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every change of the ranking: a move per edited contract and a snapshot per full re-rank. Both are
 * written by one background thread, in the order the ranking changed: the ranking hands over each change under
 * its lock, so the queue's order is the ranking's, and an edit neither waits for the insert nor holds the lock
 * while it runs (nor does a snapshot, which takes a moment to encode for a large backlog). What a move needs
 * from the ranking is read before handing over, since the ranking moves on.
 * <p>
 * Every instance records the history of the ranking it serves, under its own instance id, including the moves of
 * changes it applied from the change feed: replaying one instance's records gives exactly what that instance served.
 */
@Singleton
class RankHistoryRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(RankHistoryRecorder.class);
    /** The executor history is written on (application.yml): one thread, so records are stored in the ranking's order. */
    static final String WRITER = "rank-history";

    private final RankMoveRepository moves;
    private final RankSnapshotRepository snapshots;
    private final EntryCodec codec;
    private final InstanceId instance;
    private final AtomicLong lastMoveId = new AtomicLong(-1);
    private final ExecutorService writer;

    RankHistoryRecorder(RankMoveRepository moves, RankSnapshotRepository snapshots, EntryCodec codec, InstanceId instance,
                        @Named(WRITER) ExecutorService writer) {
        this.writer = writer;
        this.instance = instance;
        this.moves = moves;
        this.snapshots = snapshots;
        this.codec = codec;
    }

    @EventListener
    void onMove(RankingEvents.ContractMoved moved) {
        MoveCause.Found cause = MoveCause.of(moved.before(), moved.after());
        RankedEntry entry = moved.newIndex() == null ? null : moved.ranking().entry(moved.newIndex());
        RankMove move = new RankMove(null, moved.at(), moved.contractId(), cause.cause(), truncate(cause.detail()),
                moved.oldIndex(), moved.newIndex(), moved.ranking().ruleVersion(), null, instance.value());
        write("the move of contract " + moved.contractId() + " at " + moved.at(), () -> {
            try {
                RankMove saved = moves.save(entry == null ? move : move.withEntry(codec.encode(entry)));
                lastMoveId.set(saved.id());
            } catch (RuntimeException e) {
                LOG.error("Could not record that contract {} moved at {}; its history misses this move", moved.contractId(),
                        moved.at(), e);
            }
        });
    }

    @EventListener
    void onRebuilt(RankingEvents.Rebuilt rebuilt) {
        Ranking ranking = rebuilt.ranking();
        RankSnapshot.Reason reason = reasonFor(ranking, rebuilt.previous());
        write("the ranking snapshot of " + ranking.computedAt(), () -> {
            try {
                // Every move handed over before this re-rank is stored by now: the writer runs in order.
                long afterMoveId = lastMoveId();
                List<RankedEntry> entries = ranking.entries();
                snapshots.save(new RankSnapshot(null, ranking.computedAt(), ranking.ruleVersion(), reason, afterMoveId,
                        entries.size(), codec.encode(entries), instance.value()));
            } catch (RuntimeException e) {
                LOG.error("Could not record the ranking snapshot of {}; history before the next one is incomplete",
                        ranking.computedAt(), e);
            }
        });
    }

    /**
     * Hands a record to the writer; once shutdown has begun it is refused, and the ranking goes on without it.
     * Micronaut's executors carry the caller's context (its connection and transaction, closed by the time the
     * record is written), so the record runs in an empty one and the repositories take a connection of their own.
     */
    private void write(String what, Runnable record) {
        try {
            writer.execute(PropagatedContext.empty().wrap(record));
        } catch (RejectedExecutionException e) {
            LOG.warn("Not recording {}: Docket is shutting down", what);
        }
    }

    /** Waits until the moves and snapshots handed over so far are stored; for tests. */
    void flush() {
        try {
            writer.submit(() -> { }).get();
        } catch (Exception e) {
            throw new IllegalStateException("Waiting for rank history to be written failed", e);
        }
    }

    /**
     * On shutdown, stores what was handed over before the database goes away, but does not hang the shutdown. The
     * writer is this recorder's alone, so it is shut down here: queued records are still written, later ones refused.
     */
    @PreDestroy
    void drain() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Rank history moves handed over before shutdown may be missing: the writer did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Rank history moves handed over before shutdown may be missing: interrupted while waiting for the writer");
        }
    }

    private long lastMoveId() {
        if (lastMoveId.get() < 0) {
            lastMoveId.compareAndSet(-1, snapshots.lastMoveIdOf(instance.value()));
        }
        return lastMoveId.get();
    }

    private static RankSnapshot.Reason reasonFor(Ranking ranking, Ranking previous) {
        if (previous == null) {
            return RankSnapshot.Reason.START;
        }
        if (!previous.ruleVersion().equals(ranking.ruleVersion())) {
            return RankSnapshot.Reason.RULES;
        }
        return previous.day().equals(ranking.day()) ? RankSnapshot.Reason.REBUILD : RankSnapshot.Reason.DAY;
    }

    private static String truncate(String detail) {
        return detail.length() <= 500 ? detail : detail.substring(0, 497) + "...";
    }
}
