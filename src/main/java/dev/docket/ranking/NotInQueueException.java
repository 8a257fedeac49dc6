package dev.docket.ranking;

import dev.docket.contract.ContractStatus;
import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

/** Only open contracts have a place in the queue; a signed or withdrawn one has nothing to explain. */
public final class NotInQueueException extends DocketException {

    public NotInQueueException(long id, ContractStatus status) {
        super(HttpStatus.CONFLICT, null, "Contract " + id + " is " + status + " and no longer in the review queue; only "
                + ContractStatus.OPEN + " contracts are ranked");
    }
}
