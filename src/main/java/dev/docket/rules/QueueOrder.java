package dev.docket.rules;

import java.time.Instant;
import java.util.Comparator;

import dev.docket.facts.ContractFact;
import dev.docket.facts.Lane;

/** The order of the queue once the rules have scored it. Deterministic, so the same facts always rank the same. */
public final class QueueOrder {

    /** Ready before not ready, then pinned before not, then most points, then longest ready, then lowest id. */
    public static final Comparator<ContractFact> COMPARATOR = Comparator
            .comparing((ContractFact f) -> f.getLane() == Lane.READY ? 0 : 1)
            .thenComparing(f -> f.isPinned() ? 0 : 1)
            .thenComparing(ContractFact::getScore, Comparator.reverseOrder())
            .thenComparing(ContractFact::getReadySince, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparingLong(ContractFact::getId);

    private QueueOrder() {
    }
}
