package dev.docket.rules.scoring;

import java.time.Instant;
import java.util.Comparator;

import dev.docket.facts.ContractFact;
import dev.docket.facts.Lane;

/** The order of the queue once the rules have scored it. Deterministic, so the same facts always rank the same. */
public final class QueueOrder {

    /**
     * Ready before not ready, then pinned before not, then most points, then longest ready, then lowest id.
     * Written out by hand rather than chained from key extractors: a full re-rank of 100,000 contracts makes
     * about two million comparisons, and the chained form boxed the score in each of them.
     */
    public static final Comparator<ContractFact> COMPARATOR = QueueOrder::compare;

    private QueueOrder() {
    }

    private static int compare(ContractFact a, ContractFact b) {
        int c = Boolean.compare(a.getLane() != Lane.READY, b.getLane() != Lane.READY);
        if (c != 0) {
            return c;
        }
        c = Boolean.compare(!a.isPinned(), !b.isPinned());
        if (c != 0) {
            return c;
        }
        c = Double.compare(b.getScore(), a.getScore());
        if (c != 0) {
            return c;
        }
        c = compareNullsLast(a.getReadySince(), b.getReadySince());
        return c != 0 ? c : Long.compare(a.getId(), b.getId());
    }

    private static int compareNullsLast(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? 1 : -1;
        }
        return a.compareTo(b);
    }
}
