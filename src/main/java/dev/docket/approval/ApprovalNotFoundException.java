package dev.docket.approval;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

public final class ApprovalNotFoundException extends DocketException {

    public ApprovalNotFoundException(long id) {
        super(HttpStatus.NOT_FOUND, null, "No approval request has id " + id);
    }
}
