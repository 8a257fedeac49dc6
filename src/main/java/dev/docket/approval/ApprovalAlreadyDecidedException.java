package dev.docket.approval;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

/** A decision is final: the answer others acted on must not change under them. */
public final class ApprovalAlreadyDecidedException extends DocketException {

    ApprovalAlreadyDecidedException(Approval a) {
        super(HttpStatus.CONFLICT, "decision", "Approval " + a.id() + " (" + a.gateText() + ") was already " + a.status() + " by " + a.decidedBy()
                + " at " + a.decidedAt() + "; a decision is final, so to decide again request a new approval with "
                + "POST /api/contracts/" + a.contractId() + "/approvals");
    }

    /** Lost a race: another decider committed first, and this transaction cannot see their answer yet. */
    ApprovalAlreadyDecidedException(long id, long contractId) {
        super(HttpStatus.CONFLICT, "decision", "Approval " + id + " was decided by someone else a moment ago; a decision is final, so to decide "
                + "again request a new approval with POST /api/contracts/" + contractId + "/approvals");
    }
}
