package dev.docket.identity;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

/**
 * The caller is known but may not do this to this object (an approval for a decision maker they are not listed for,
 * an override they asked for themselves): 403 with why.
 */
public final class NotAllowedException extends DocketException {
    public NotAllowedException(String message) {
        super(HttpStatus.FORBIDDEN, null, message);
    }
}
