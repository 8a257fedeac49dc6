package dev.docket.override;

/** One active override per contract, so its explanation names one decision, not a stack of them. */
public final class ActiveOverrideExistsException extends RuntimeException {

    ActiveOverrideExistsException(ContractOverride active) {
        super("Contract " + active.contractId() + " already has active override " + active.id() + " (" + active.effect()
                + ", approved by " + active.approvedBy() + " at " + active.askedBy() + "'s request, until "
                + active.expiresAt() + "); a contract has at most one active override, so revoke it first with POST /api/overrides/"
                + active.id() + "/revoke");
    }

    /** The database refused a second active override (unique key uk_override_one_active): another request won. */
    ActiveOverrideExistsException(long contractId) {
        super("Contract " + contractId + " got another active override a moment ago; a contract has at most one active "
                + "override, so see GET /api/contracts/" + contractId + "/overrides and revoke it first");
    }
}
