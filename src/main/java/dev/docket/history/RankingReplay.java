package dev.docket.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.docket.facts.Lane;
import dev.docket.feed.InstanceId;
import dev.docket.ranking.RankedEntry;
import dev.docket.ranking.RankingEvents;
import dev.docket.ranking.RankingPage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Rebuilds the queue as it stood at a moment: the last snapshot before it, then every recorded move up to
 * it, applied the way the live ranking applied them. What comes out is what was served then.
 */
@Singleton
class RankingReplay implements RankingEvents.Archive {

    private final RankSnapshotRepository snapshots;
    private final RankMoveRepository moves;
    private final EntryCodec codec;
    private final InstanceId instance;

    RankingReplay(RankSnapshotRepository snapshots, RankMoveRepository moves, EntryCodec codec, InstanceId instance) {
        this.instance = instance;
        this.snapshots = snapshots;
        this.moves = moves;
        this.codec = codec;
    }

    record Replayed(List<RankedEntry> entries, String ruleVersion, Instant reachedAt) {
    }

    @Transactional(readOnly = true)
    public Optional<Replayed> at(Instant at) {
        // This instance's own records replay what it served; a moment before it started is replayed from the
        // records of whichever instance took the last snapshot before it.
        return snapshots.findFirstByInstanceIdAndTakenAtLessThanEqualsOrderByIdDesc(instance.value(), at)
                .or(() -> snapshots.findFirstByTakenAtLessThanEqualsOrderByIdDesc(at)).map(snapshot -> {
            List<RankedEntry> entries = new ArrayList<>(codec.decodeAll(snapshot.entries()));
            String version = snapshot.ruleVersion();
            Instant reached = snapshot.takenAt();
            for (RankMove move : moves.findByInstanceIdAndIdGreaterThanAndMovedAtLessThanEqualsOrderById(snapshot.instanceId(),
                    snapshot.afterMoveId(), at)) {
                apply(entries, move);
                version = move.ruleVersion();
                reached = move.movedAt();
            }
            List<RankedEntry> ranked = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                RankedEntry e = entries.get(i);
                ranked.add(new RankedEntry(i + 1, e.contract(), e.score(), e.lane(), e.contributions(), e.blockingGates(),
                        e.blockers(), null));
            }
            return new Replayed(ranked, version, reached);
        });
    }

    @Override
    public Optional<RankingPage> replay(Instant at, @Nullable Lane lane, int page, int size) {
        return at(at).map(r -> {
            List<RankedEntry> all = r.entries();
            int ready = (int) all.stream().filter(e -> e.lane() == Lane.READY).count();
            List<RankedEntry> selected = lane == null ? all : all.stream().filter(e -> e.lane() == lane).toList();
            int from = (int) Math.min((long) page * size, selected.size());
            int to = Math.min(from + size, selected.size());
            return new RankingPage(r.ruleVersion(), r.reachedAt(), all.size(), ready, all.size() - ready, page, size,
                    selected.subList(from, to), false);
        });
    }

    /** Removes the contract from where it was and puts its new entry where it went, as Ranking.withEdit did. */
    void apply(List<RankedEntry> entries, RankMove move) {
        Integer old = move.oldIndex();
        if (old != null && old < entries.size() && entries.get(old).contract().id() == move.contractId()) {
            entries.remove((int) old);
        } else {
            entries.removeIf(e -> e.contract().id() == move.contractId());
        }
        if (move.newIndex() != null && move.entry() != null) {
            entries.add(Math.min(move.newIndex(), entries.size()), codec.decode(move.entry()));
        }
    }
}
