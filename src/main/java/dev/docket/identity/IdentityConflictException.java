package dev.docket.identity;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

final class IdentityConflictException extends DocketException {
    IdentityConflictException(String message) {
        super(HttpStatus.CONFLICT, null, message);
    }
}
