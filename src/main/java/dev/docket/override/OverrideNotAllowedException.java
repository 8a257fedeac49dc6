package dev.docket.override;

/** A well-formed override whose approval does not count: the approver lacks the role, or approved their own request. */
public final class OverrideNotAllowedException extends RuntimeException {

    OverrideNotAllowedException(String message) {
        super(message);
    }
}
