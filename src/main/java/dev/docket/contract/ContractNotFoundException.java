package dev.docket.contract;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

public final class ContractNotFoundException extends DocketException {

    public ContractNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, null, "No contract has id " + id);
    }

    public ContractNotFoundException(String externalRef) {
        super(HttpStatus.NOT_FOUND, null, "No contract has external reference '" + externalRef + "'");
    }
}
