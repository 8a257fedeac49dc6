package dev.docket.override;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

public final class OverrideNotFoundException extends DocketException {

    public OverrideNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, null, "No override has id " + id);
    }
}
