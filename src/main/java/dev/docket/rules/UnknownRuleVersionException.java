package dev.docket.rules;

import dev.docket.system.DocketException;
import io.micronaut.http.HttpStatus;

public final class UnknownRuleVersionException extends DocketException {

    public UnknownRuleVersionException(long id) {
        super(HttpStatus.NOT_FOUND, null, "No rule set version has number " + id + "; GET /api/rules/versions lists them");
    }
}
