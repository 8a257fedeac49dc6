package dev.docket.contract;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;

/**
 * What readiness needs to know about a contract's approval requests. Implemented by the approval
 * feature, so this package decides readiness without depending on it.
 */
public interface ApprovalHolds {

    Hold of(long contractId);

    /** The holds of many contracts in one query; contracts without approvals are absent. */
    Map<Long, Hold> of(Collection<Long> contractIds);

    /**
     * @param pending       requests still waiting for a decision; any of them keeps the contract not ready
     * @param lastDecidedAt when the latest decision was made, or null if none was; readiness counts from it
     */
    record Hold(int pending, @Nullable Instant lastDecidedAt) {

        public static final Hold NONE = new Hold(0, null);
    }
}
