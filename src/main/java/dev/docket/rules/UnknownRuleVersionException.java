package dev.docket.rules;

public final class UnknownRuleVersionException extends RuntimeException {

    public UnknownRuleVersionException(long id) {
        super("No rule set version has number " + id + "; GET /api/rules/versions lists them");
    }
}
