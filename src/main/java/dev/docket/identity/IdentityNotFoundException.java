package dev.docket.identity;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

final class IdentityNotFoundException extends DocketException {
    IdentityNotFoundException(String what, Object id) {
        super(HttpStatus.NOT_FOUND, null, "There is no " + what + " " + id);
    }
}
