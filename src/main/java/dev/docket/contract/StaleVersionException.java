package dev.docket.contract;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

/** The client edited a copy that someone else has changed since; it must reload and retry. */
public final class StaleVersionException extends DocketException {

    public StaleVersionException(long id, long given, long current) {
        super(HttpStatus.CONFLICT, "version", "Contract " + id + " is at version " + current + ", but the request was based on version " + given
                + "; reload the contract and apply the change again");
    }
}
