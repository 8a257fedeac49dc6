package dev.docket.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.docket.contract.ContractStatus;
import dev.docket.ranking.ContractSummary;
import dev.docket.ranking.EditTrail;
import dev.docket.ranking.Ranking;

/**
 * The review schedule of one ranking's ready lane ({@link ReviewSchedule}'s simulation, to the same days), computed
 * lazily from the top only as far as a read needs, and derived from the previous ranking's after an edit: positions
 * ahead of the first one the edit changed keep their days, and the simulation resumes from the reviewers' state
 * saved at the last checkpoint before it. So an explanation read after an edit simulates from the edit's position to
 * the explained contract's, not the whole queue; an edit that moves a contract in review (which goes first, wherever
 * it ranks) starts over.
 */
final class PrefixSchedule {

    /** Reviewers' state is saved every this many positions: more costs memory, fewer re-simulates more. */
    private static final int CHECKPOINT = 256;
    private static final double EPSILON = 1e-9;

    private final Ranking ranking;
    private final CapacityPolicy policy;
    private final int ready;
    /** Days of every contract in review (simulated first, over the whole lane), by contract id. */
    private final Map<Long, int[]> inReview;
    /** The reviewers after the contracts in review: where the queued contracts' simulation starts. */
    private final double[] afterInReview;
    private final int[] start;
    private final int[] finish;
    /** checkpoints.get(c): the reviewers (a min-heap of free times) before position c * CHECKPOINT. */
    private final List<double[]> checkpoints;
    private double[] freeAt;
    private int computed;

    private PrefixSchedule(Ranking ranking, CapacityPolicy policy, Map<Long, int[]> inReview, double[] afterInReview,
                           int[] start, int[] finish, List<double[]> checkpoints, int computed) {
        this.ranking = ranking;
        this.policy = policy;
        this.ready = ranking.readyCount();
        this.inReview = inReview;
        this.afterInReview = afterInReview;
        this.start = start;
        this.finish = finish;
        this.checkpoints = checkpoints;
        this.computed = computed;
        this.freeAt = checkpoints.get(computed / CHECKPOINT).clone();
    }

    /** A schedule for {@code ranking} from scratch: one pass for the contracts in review, the rest on demand. */
    static PrefixSchedule of(Ranking ranking, CapacityPolicy policy) {
        int ready = ranking.readyCount();
        Map<Long, int[]> inReview = new HashMap<>();
        double[] heap = new double[policy.reviewers()];
        for (int i = 0; i < ready; i++) {
            ContractSummary c = ranking.contractAt(i);
            if (c.status() == ContractStatus.IN_REVIEW) {
                inReview.put(c.id(), assign(heap, effortDays(policy, c)));
            }
        }
        List<double[]> checkpoints = new ArrayList<>();
        checkpoints.add(heap.clone());
        return new PrefixSchedule(ranking, policy, inReview, heap, new int[ready], new int[ready], checkpoints, 0);
    }

    Ranking ranking() {
        return ranking;
    }

    /** The schedule for {@code next}, keeping what lies ahead of its changes since this one's ranking, if known. */
    PrefixSchedule derive(Ranking next) {
        EditTrail.Change change = next.changedSince(ranking.sequence()).orElse(null);
        if (change == null || change.touchedInReview() || next.readyCount() == 0) {
            return of(next, policy);
        }
        synchronized (this) {
            int keep = Math.min(Math.min(change.firstChanged(), computed), next.readyCount());
            int kept = keep / CHECKPOINT;
            int[] nextStart = new int[next.readyCount()];
            int[] nextFinish = new int[next.readyCount()];
            System.arraycopy(start, 0, nextStart, 0, kept * CHECKPOINT);
            System.arraycopy(finish, 0, nextFinish, 0, kept * CHECKPOINT);
            // Checkpoint arrays are never written once saved, so the new schedule shares them.
            List<double[]> nextCheckpoints = new ArrayList<>(checkpoints.subList(0, kept + 1));
            return new PrefixSchedule(next, policy, inReview, afterInReview, nextStart, nextFinish, nextCheckpoints,
                    kept * CHECKPOINT);
        }
    }

    /** Working days after the first until the review at {@code index} (in the ready lane) begins. */
    synchronized int startDay(int index) {
        extendTo(index);
        return start[index];
    }

    /** The working day the review at {@code index} completes on. */
    synchronized int finishDay(int index) {
        extendTo(index);
        return finish[index];
    }

    private void extendTo(int index) {
        while (computed <= index) {
            int i = computed;
            ContractSummary c = ranking.contractAt(i);
            int[] days = c.status() == ContractStatus.IN_REVIEW ? inReview.get(c.id()) : assign(freeAt, effortDays(policy, c));
            if (days == null) {
                throw new IllegalStateException("Contract " + c.id() + " is in review but was not when the schedule began");
            }
            start[i] = days[0];
            finish[i] = days[1];
            computed++;
            if (computed % CHECKPOINT == 0 && computed / CHECKPOINT == checkpoints.size()) {
                checkpoints.add(freeAt.clone());
            }
        }
    }

    /** Gives the contract to the reviewer free first, as ReviewSchedule.simulate does; returns its start and finish day. */
    private static int[] assign(double[] freeAt, double effortDays) {
        double begins = freeAt[0];
        double ends = begins + effortDays;
        int startDay = (int) Math.floor(begins + EPSILON);
        int finishDay = Math.max(startDay, (int) Math.ceil(ends - EPSILON) - 1);
        freeAt[0] = ends;
        ReviewSchedule.siftDown(freeAt);
        return new int[] {startDay, finishDay};
    }

    private static double effortDays(CapacityPolicy policy, ContractSummary c) {
        return policy.effortHours(c.contractType(), c.paper()) / policy.hoursPerReviewerDay();
    }

    @Override
    public String toString() {
        return "PrefixSchedule[" + computed + " of " + ready + " computed, " + Arrays.toString(afterInReview) + "]";
    }
}
