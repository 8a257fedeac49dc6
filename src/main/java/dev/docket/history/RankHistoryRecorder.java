package dev.docket.history;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import dev.docket.ranking.RankedEntry;
import dev.docket.ranking.Ranking;
import dev.docket.ranking.RankingEvents;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every change of the ranking: a move per edited contract (synchronously, in ranking order) and a
 * snapshot per full re-rank (encoded off the ranking's lock, since a large backlog takes a moment to gzip).
 */
@Singleton
class RankHistoryRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(RankHistoryRecorder.class);
    private static final ExecutorService SNAPSHOTS = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "docket-rank-snapshots");
        thread.setDaemon(true);
        return thread;
    });

    private final RankMoveRepository moves;
    private final RankSnapshotRepository snapshots;
    private final EntryCodec codec;
    private final AtomicLong lastMoveId = new AtomicLong(-1);

    RankHistoryRecorder(RankMoveRepository moves, RankSnapshotRepository snapshots, EntryCodec codec) {
        this.moves = moves;
        this.snapshots = snapshots;
        this.codec = codec;
    }

    @EventListener
    void onMove(RankingEvents.ContractMoved moved) {
        MoveCause.Found cause = MoveCause.of(moved.before(), moved.after());
        byte[] entry = moved.newIndex() == null ? null : codec.encode(moved.ranking().entry(moved.newIndex()));
        RankMove saved = moves.save(new RankMove(null, moved.at(), moved.contractId(), cause.cause(),
                truncate(cause.detail()), moved.oldIndex(), moved.newIndex(), moved.ranking().ruleVersion(), entry));
        lastMoveId.set(saved.id());
    }

    @EventListener
    void onRebuilt(RankingEvents.Rebuilt rebuilt) {
        Ranking ranking = rebuilt.ranking();
        RankSnapshot.Reason reason = reasonFor(ranking, rebuilt.previous());
        long afterMoveId = lastMoveId();
        SNAPSHOTS.execute(() -> {
            try {
                List<RankedEntry> entries = new ArrayList<>(ranking.size());
                for (int i = 0; i < ranking.size(); i++) {
                    entries.add(ranking.entry(i));
                }
                snapshots.save(new RankSnapshot(null, ranking.computedAt(), ranking.ruleVersion(), reason, afterMoveId,
                        entries.size(), codec.encode(entries)));
            } catch (RuntimeException e) {
                LOG.error("Could not record the ranking snapshot of {}; history before the next one is incomplete",
                        ranking.computedAt(), e);
            }
        });
    }

    /** Waits until snapshots handed over so far are stored; for tests and an orderly shutdown. */
    void flush() {
        try {
            SNAPSHOTS.submit(() -> { }).get();
        } catch (Exception e) {
            throw new IllegalStateException("Waiting for rank snapshots failed", e);
        }
    }

    private long lastMoveId() {
        if (lastMoveId.get() < 0) {
            lastMoveId.compareAndSet(-1, snapshots.lastMoveId());
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
