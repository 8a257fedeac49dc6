package dev.docket.ranking;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The recent edits along one line of rankings (a full ranking and the rankings its edits made): for each, the
 * ranking it was made from and the first position it changed. Lets work that is done per ranking, such as the
 * review schedule behind forecasts, redo only what lies behind an edit instead of the whole queue. Shared along the
 * line like the slot index, and bounded: an ancestor older than the last {@value #REMEMBERED} edits is forgotten.
 */
public final class EditTrail {

    static final int REMEMBERED = 1_024;

    /** From an ancestor to a descendant: the first position that may differ, and whether a contract in review moved. */
    public record Change(int firstChanged, boolean touchedInReview) {
    }

    private record Edit(long parent, int firstChanged, boolean touchedInReview) {
    }

    private final Map<Long, Edit> edits = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> order = new ConcurrentLinkedQueue<>();

    void record(long sequence, long parent, int firstChanged, boolean touchedInReview) {
        edits.put(sequence, new Edit(parent, firstChanged, touchedInReview));
        order.add(sequence);
        while (edits.size() > REMEMBERED) {
            Long oldest = order.poll();
            if (oldest == null) {
                break;
            }
            edits.remove(oldest);
        }
    }

    Optional<Change> since(long descendant, long ancestor) {
        int first = Integer.MAX_VALUE;
        boolean inReview = false;
        long at = descendant;
        for (int steps = 0; at != ancestor; steps++) {
            Edit edit = edits.get(at);
            if (edit == null || steps > REMEMBERED) {
                return Optional.empty();
            }
            first = Math.min(first, edit.firstChanged());
            inReview |= edit.touchedInReview();
            at = edit.parent();
        }
        return Optional.of(new Change(first, inReview));
    }
}
