package dev.docket.contract;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

/** A value that is well-formed JSON but not acceptable to Docket, such as an unknown currency or gate. */
public final class InvalidFieldException extends DocketException {

    public InvalidFieldException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, field, message);
    }
}
