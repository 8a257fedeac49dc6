package dev.docket.contract;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

public final class InvalidStatusChangeException extends DocketException {

    public InvalidStatusChangeException(long id, ContractStatus from, ContractStatus to) {
        super(HttpStatus.CONFLICT, "status", "Contract " + id + " cannot move from " + from + " to " + to
                + (from.isOpen() ? "" : "; it is closed"));
    }
}
