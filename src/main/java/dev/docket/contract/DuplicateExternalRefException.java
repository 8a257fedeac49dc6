package dev.docket.contract;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

public final class DuplicateExternalRefException extends DocketException {

    public DuplicateExternalRefException(String externalRef, long existingId) {
        super(HttpStatus.CONFLICT, "externalRef", "External reference '" + externalRef + "' already belongs to contract " + existingId
                + "; use PUT /api/contracts/by-ref/" + externalRef + " to update it");
    }
}
