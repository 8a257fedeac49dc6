package dev.docket.forecast;

import dev.docket.calendar.LegalCalendar;

/**
 * The reviewers working through the ready lane, simulated in one pass: each contract, in queue order,
 * goes to the reviewer who is free first, and keeps that reviewer until its effort is done. Contracts
 * already IN_REVIEW go first, since someone is on them now. Time counts in reviewer-days from the start
 * of the first working day; days are whole working days, so dates come from {@link LegalCalendar}.
 * O(n log reviewers) time and two int arrays of memory; afterwards any contract's days are O(1).
 */
final class ReviewSchedule {

    // Efforts are sums of configured hours divided by hours per day; this absorbs their rounding error.
    private static final double EPSILON = 1e-9;

    private final int[] startDay;
    private final int[] finishDay;

    private ReviewSchedule(int[] startDay, int[] finishDay) {
        this.startDay = startDay;
        this.finishDay = finishDay;
    }

    /**
     * @param effortDays each contract's effort in reviewer-days, in queue order
     * @param inReview   which of them are already being reviewed
     * @param reviewers  how many reviewers work in parallel
     */
    static ReviewSchedule simulate(double[] effortDays, boolean[] inReview, int reviewers) {
        int n = effortDays.length;
        int[] start = new int[n];
        int[] finish = new int[n];
        double[] freeAt = new double[reviewers];
        for (int pass = 0; pass < 2; pass++) {
            boolean reviewing = pass == 0;
            for (int i = 0; i < n; i++) {
                if (inReview[i] != reviewing) {
                    continue;
                }
                // freeAt is a min-heap, so the reviewer free first is at its root.
                double begins = freeAt[0];
                double ends = begins + effortDays[i];
                start[i] = (int) Math.floor(begins + EPSILON);
                finish[i] = Math.max(start[i], (int) Math.ceil(ends - EPSILON) - 1);
                freeAt[0] = ends;
                siftDown(freeAt);
            }
        }
        return new ReviewSchedule(start, finish);
    }

    /** Working days after the first one until the contract's review begins: 0 is the first working day. */
    int startDay(int index) {
        return startDay[index];
    }

    /** The working day its review completes on, counted the same way. */
    int finishDay(int index) {
        return finishDay[index];
    }

    int size() {
        return startDay.length;
    }

    static void siftDown(double[] heap) {
        int i = 0;
        double value = heap[0];
        while (true) {
            int child = 2 * i + 1;
            if (child >= heap.length) {
                break;
            }
            if (child + 1 < heap.length && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= value) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = value;
    }
}
