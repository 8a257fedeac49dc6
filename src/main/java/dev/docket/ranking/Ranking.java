package dev.docket.ranking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.docket.contract.ContractStatus;
import dev.docket.facts.ContractFact;
import dev.docket.facts.Lane;
import dev.docket.rules.CompiledRuleSet;
import dev.docket.rules.QueueOrder;
import dev.docket.rules.ScoringFailure;

/**
 * An immutable ranking of the open backlog: every contract with the fact its rules scored, in queue order,
 * computed with one rule set. Ranks are positions, so they are derived on read, and a one-contract edit
 * produces a new ranking by moving one slot instead of re-running the rules on everything.
 */
public final class Ranking {

    /** One contract's place: what the API shows of it, and the fact holding its score and contributions. */
    public record Slot(ContractSummary contract, ContractFact fact) {
    }

    static final Comparator<Slot> ORDER = Comparator.comparing(Slot::fact, QueueOrder.COMPARATOR);
    private static final AtomicLong INSTANCES = new AtomicLong();

    private final ChunkedSlots<Slot> slots;
    private final Map<Long, Slot> slotsById;
    private final int ready;
    private final CompiledRuleSet ruleSet;
    private final String ruleVersion;
    private final Instant computedAt;
    private final LocalDate day;
    private final long backlogVersion;
    private final long sequence = INSTANCES.incrementAndGet();
    private volatile List<ScoringFailure> parked;
    private final EditTrail trail;

    /** A full ranking, as computed from the database. */
    Ranking(List<Slot> slots, CompiledRuleSet ruleSet, Instant computedAt, LocalDate day, long backlogVersion) {
        this(ChunkedSlots.of(slots), new ConcurrentHashMap<>(slots.size() * 2), new EditTrail(), ruleSet, computedAt, day,
                backlogVersion);
        slots.forEach(s -> slotsById.put(s.fact().getId(), s));
    }

    /** {@code slotsById} is shared along one line of edits and may run ahead of this ranking; see {@link #indexOf}. */
    private Ranking(ChunkedSlots<Slot> slots, Map<Long, Slot> slotsById, EditTrail trail, CompiledRuleSet ruleSet,
                    Instant computedAt, LocalDate day, long backlogVersion) {
        this.slots = slots;
        this.slotsById = slotsById;
        this.trail = trail;
        this.ruleSet = ruleSet;
        this.ruleVersion = ruleSet.version();
        this.computedAt = computedAt;
        this.day = day;
        this.backlogVersion = backlogVersion;
        this.ready = readyPrefix(slots);
    }

    /**
     * The contracts this ranking could not score, each with the rule and what happened; they wait in the not-ready
     * lane. Not-ready slots are at the end, so only they are looked at.
     */
    public List<ScoringFailure> parked() {
        List<ScoringFailure> known = parked;
        if (known == null) {
            List<ScoringFailure> found = new ArrayList<>();
            for (int i = ready; i < slots.size(); i++) {
                ContractFact fact = slots.get(i).fact();
                if (fact.isParked()) {
                    found.add(new ScoringFailure(fact.getId(), fact.getTitle(), fact.getParkedRule(), ScoringFailure.Kind.FAILED,
                            fact.getParkedMessage()));
                }
            }
            known = List.copyOf(found);
            parked = known;
        }
        return known;
    }

    /** The same ranking with one contract's slot replaced, added, or removed ({@code replacement} null). */
    Ranking withEdit(long contractId, Slot replacement, Instant at) {
        Slot old = slotsById.get(contractId);
        ChunkedSlots<Slot> next = slots;
        int firstChanged = Integer.MAX_VALUE;
        if (old != null) {
            int i = Collections.binarySearch(next, old, ORDER);
            if (i < 0) {
                i = scanFor(next, contractId);
            }
            if (i >= 0) {
                next = next.without(i);
                firstChanged = i;
            }
        }
        if (replacement != null) {
            int i = Collections.binarySearch(next, replacement, ORDER);
            int at0 = i >= 0 ? i : -i - 1;
            next = next.with(at0, replacement);
            firstChanged = Math.min(firstChanged, at0);
            slotsById.put(contractId, replacement);
        } else {
            slotsById.remove(contractId);
        }
        Ranking edited = new Ranking(next, slotsById, trail, ruleSet, at, day, backlogVersion);
        trail.record(edited.sequence, sequence, firstChanged, inReview(old) || inReview(replacement));
        return edited;
    }

    /**
     * The first position (zero-based) at which this ranking may differ from its ancestor {@code ancestorSequence}
     * along one line of edits, and whether an edit since touched a contract in review (which reorders a review
     * schedule from the top); empty when this ranking does not descend from it by edits still remembered.
     */
    public Optional<EditTrail.Change> changedSince(long ancestorSequence) {
        return trail.since(sequence, ancestorSequence);
    }

    private static boolean inReview(Slot slot) {
        return slot != null && slot.contract() != null && slot.contract().status() == ContractStatus.IN_REVIEW;
    }

    /** The rule set this ranking was computed with; edits to it are scored with the same one. */
    public CompiledRuleSet ruleSet() {
        return ruleSet;
    }

    public String ruleVersion() { return ruleVersion; }
    public Instant computedAt() { return computedAt; }
    /** The day in legal's time zone this ranking's scores (and forecasts) were computed for. */
    public LocalDate day() { return day; }
    long backlogVersion() { return backlogVersion; }
    /** Tells rankings apart: every edit and every re-rank makes a new one with a higher number. */
    public long sequence() { return sequence; }

    public int size() {
        return slots.size();
    }

    public int readyCount() {
        return ready;
    }

    List<Slot> slots() {
        return slots;
    }

    public ContractFact slotFact(int index) {
        return slots.get(index).fact();
    }

    /** The contract at a zero-based position, without building its entry: for cheap passes over the whole queue. */
    public ContractSummary contractAt(int index) {
        return slots.get(index).contract();
    }

    public RankedEntry entry(int index) {
        Slot slot = slots.get(index);
        return RankedEntry.of(index + 1, slot.contract(), slot.fact());
    }

    /** Every entry in rank order, each built as it is read, so a whole large ranking is never held twice. */
    public List<RankedEntry> entries() {
        return new AbstractList<>() {
            @Override
            public RankedEntry get(int index) {
                return entry(index);
            }

            @Override
            public int size() {
                return slots.size();
            }
        };
    }

    /** A page of the whole queue, or of one lane; ready contracts always come first, so a lane is a range. */
    public List<RankedEntry> page(Lane lane, int page, int size) {
        int start = lane == Lane.NOT_READY ? ready : 0;
        int end = lane == Lane.READY ? ready : slots.size();
        long from = Math.min((long) start + (long) page * size, end);
        long to = Math.min(from + size, end);
        List<RankedEntry> entries = new ArrayList<>((int) (to - from));
        for (int i = (int) from; i < to; i++) {
            entries.add(entry(i));
        }
        return entries;
    }

    /** The rank (1-based) a changed copy of a ranked contract would take, every other contract staying put. */
    public int rankIfChanged(ContractFact variant) {
        int found = Collections.binarySearch(slots, new Slot(null, variant), ORDER);
        int insertion = found >= 0 ? found : -found - 1;
        int self = indexOf(variant.getId()).orElse(-1);
        if (self >= 0 && self < insertion) {
            insertion--;
        }
        return insertion + 1;
    }

    /** Zero-based position of a contract, if it is in the open backlog. */
    public Optional<Integer> indexOf(long contractId) {
        Slot slot = slotsById.get(contractId);
        if (slot != null) {
            int i = Collections.binarySearch(slots, slot, ORDER);
            if (i >= 0 && slots.get(i).fact().getId() == contractId) {
                return Optional.of(i);
            }
        }
        // The shared index ran ahead of this ranking (an edit landed since): find the contract by scanning.
        int i = scanFor(slots, contractId);
        return i >= 0 ? Optional.of(i) : Optional.empty();
    }

    private static int scanFor(List<Slot> slots, long contractId) {
        int i = 0;
        for (Slot slot : slots) {
            if (slot.fact().getId() == contractId) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static int readyPrefix(List<Slot> slots) {
        int lo = 0;
        int hi = slots.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (slots.get(mid).fact().getLane() == Lane.READY) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
