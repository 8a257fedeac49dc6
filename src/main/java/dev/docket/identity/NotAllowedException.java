package dev.docket.identity;

/**
 * The caller is known but may not do this to this object (an approval for a decision maker they are not listed for,
 * an override they asked for themselves): 403 with why.
 */
public final class NotAllowedException extends RuntimeException {
    public NotAllowedException(String message) {
        super(message);
    }
}
