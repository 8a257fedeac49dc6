package dev.docket.rules.version;

/**
 * The live version was not the one this activation was based on when it tried to record itself: another
 * activation (on this or another instance) won the compare-and-set, and this one recorded nothing.
 */
public final class ActivationConflictException extends RuntimeException {

    ActivationConflictException(String message, Throwable cause) {
        super(message, cause);
    }

    ActivationConflictException(String message) {
        super(message);
    }
}
