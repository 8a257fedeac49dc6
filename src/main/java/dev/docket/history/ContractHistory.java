package dev.docket.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.docket.facts.Lane;
import dev.docket.feed.InstanceId;
import dev.docket.ranking.RankedEntry;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * "Why did my deal go from #3 to #7 on Tuesday?": follows one contract's position through the recorded
 * snapshots and moves. Another contract's move shifts it by one in O(1) from the two recorded positions,
 * so a week of history costs one pass over that week's moves, plus one snapshot decode per full re-rank.
 */
@Singleton
public class ContractHistory {

    private final RankSnapshotRepository snapshots;
    private final RankMoveRepository moves;
    private final EntryCodec codec;
    private final InstanceId instance;

    ContractHistory(RankSnapshotRepository snapshots, RankMoveRepository moves, EntryCodec codec, InstanceId instance) {
        this.instance = instance;
        this.snapshots = snapshots;
        this.moves = moves;
        this.codec = codec;
    }

    @Transactional(readOnly = true)
    public List<HistoryPoint> of(long contractId, Instant from, Instant to) {
        // One instance's records, never two instances' moves on top of each other: this instance's own if it was
        // running by then, else those of the instance that took the last snapshot before the period.
        RankSnapshot start = snapshots.findFirstByInstanceIdAndTakenAtLessThanEqualsOrderByIdDesc(instance.value(), from)
                .or(() -> snapshots.findFirstByTakenAtLessThanEqualsOrderByIdDesc(from))
                .or(() -> snapshots.findFirstByInstanceIdOrderByIdAsc(instance.value()))
                .or(snapshots::findFirstOrderByIdAsc).orElse(null);
        List<HistoryPoint> points = new ArrayList<>();
        if (start == null) {
            return points;
        }
        Tracker x = new Tracker(contractId, points, from);
        x.reset(start, "queue re-ranked");
        List<RankSnapshot> later = new ArrayList<>(snapshots.findByInstanceIdAndTakenAtGreaterThanAndTakenAtLessThanEqualsOrderById(
                start.instanceId(), start.takenAt(), to));
        for (RankMove move : moves.findByInstanceIdAndIdGreaterThanAndMovedAtLessThanEqualsOrderById(start.instanceId(),
                start.afterMoveId(), to)) {
            while (!later.isEmpty() && later.get(0).afterMoveId() < move.id()) {
                x.reset(later.remove(0), null);
            }
            x.apply(move);
        }
        later.forEach(s -> x.reset(s, null));
        x.finish();
        return points;
    }

    /** The followed contract's position, lane and score, emitting a point whenever rank or lane changes. */
    private final class Tracker {
        private final long id;
        private final List<HistoryPoint> points;
        private final Instant from;
        private Integer index;
        private Lane lane;
        private Double score;
        private boolean started;
        private boolean emittedStart;

        Tracker(long id, List<HistoryPoint> points, Instant from) {
            this.id = id;
            this.points = points;
            this.from = from;
        }

        void reset(RankSnapshot snapshot, String firstCause) {
            List<RankedEntry> entries = codec.decodeAll(snapshot.entries());
            Integer found = null;
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).contract().id() == id) {
                    found = i;
                }
            }
            RankedEntry entry = found == null ? null : entries.get(found);
            String cause = switch (snapshot.reason()) {
                case RULES -> "RULE_VERSION";
                case DAY -> "TIME";
                default -> "REBUILD";
            };
            String detail = switch (snapshot.reason()) {
                case RULES -> "rule set " + snapshot.ruleVersion() + " went live";
                case DAY -> "a new business day: waiting time and target dates re-scored";
                case START -> "Docket started and ranked the queue";
                case REBUILD -> "the queue was re-ranked from the database";
            };
            move(snapshot.takenAt(), found, entry == null ? null : entry.lane(), entry == null ? null : entry.score(),
                    firstCause == null ? cause : "START", firstCause == null ? detail : firstCause);
        }

        void apply(RankMove m) {
            if (m.contractId() == id) {
                RankedEntry entry = m.entry() == null ? null : codec.decode(m.entry());
                move(m.movedAt(), m.newIndex(), entry == null ? null : entry.lane(), entry == null ? null : entry.score(),
                        m.cause().name(), m.detail());
                return;
            }
            if (index == null) {
                return;
            }
            int before = index;
            int at = index;
            if (m.oldIndex() != null && m.oldIndex() < at) {
                at--;
            }
            if (m.newIndex() != null && m.newIndex() <= at) {
                at++;
            }
            if (at != before) {
                String who = m.entry() == null ? "contract " + m.contractId() : "\"" + codec.decode(m.entry()).contract().title() + "\"";
                String what = at > before ? " moved ahead (" : " left the places ahead (";
                move(m.movedAt(), at, lane, score, at > before ? "OTHER_AHEAD" : "OTHER_LEFT", who + what + m.detail() + ")");
            }
        }

        private void move(Instant at, Integer newIndex, Lane newLane, Double newScore, String cause, String detail) {
            boolean changed = !started || !Objects.equals(index, newIndex) || !Objects.equals(lane, newLane);
            if (at.isBefore(from)) {
                // Before the period asked for: only the state matters, as the starting point.
                set(newIndex, newLane, newScore);
                return;
            }
            if (started && !emittedStart && at.isAfter(from)) {
                emitStart();
            }
            set(newIndex, newLane, newScore);
            if (changed) {
                points.add(new HistoryPoint(at, rank(), lane, score, cause, detail));
                emittedStart = true;
            }
        }

        void finish() {
            if (started && !emittedStart) {
                emitStart();
            }
        }

        private void emitStart() {
            points.add(new HistoryPoint(from, rank(), lane, score, "START", "where it stood when the period began"));
            emittedStart = true;
        }

        private void set(Integer newIndex, Lane newLane, Double newScore) {
            index = newIndex;
            lane = newLane;
            score = newScore;
            started = true;
        }

        private Integer rank() {
            return index == null ? null : index + 1;
        }
    }
}
