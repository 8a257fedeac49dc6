package dev.docket.contract;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

/** A write that only makes sense while legal still has the contract, sent after it was signed or withdrawn. */
public final class ContractClosedException extends DocketException {

    public ContractClosedException(long id, ContractStatus status, String refused) {
        super(HttpStatus.CONFLICT, null, "Contract " + id + " is " + status + ", so it takes no " + refused + "; only open contracts ("
                + String.join(", ", ContractStatus.OPEN.stream().map(Enum::name).sorted().toList()) + ") do");
    }
}
