package dev.docket.override;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

/** One override in force (or asked for) per contract, so its explanation names one decision, not a stack of them. */
public final class ActiveOverrideExistsException extends DocketException {

    ActiveOverrideExistsException(ContractOverride existing) {
        super(HttpStatus.CONFLICT, null, existing.approvedAt() == null
                ? "Contract " + existing.contractId() + " already has override request " + existing.id() + " (" + existing.effect()
                        + ", asked by " + existing.askedBy() + ") waiting for an approver; refuse it first with POST /api/overrides/"
                        + existing.id() + "/refuse"
                : "Contract " + existing.contractId() + " already has active override " + existing.id() + " (" + existing.effect()
                        + ", approved by " + existing.approvedBy() + " at " + existing.askedBy() + "'s request, until "
                        + existing.expiresAt() + "); a contract has at most one active override, so revoke it first with POST /api/overrides/"
                        + existing.id() + "/revoke");
    }

    /** The database refused a second active override (unique key uk_override_one_active): another request won. */
    ActiveOverrideExistsException(long contractId) {
        super(HttpStatus.CONFLICT, null, "Contract " + contractId + " got another active override a moment ago; a contract has at most one active "
                + "override, so see GET /api/contracts/" + contractId + "/overrides and revoke it first");
    }
}
