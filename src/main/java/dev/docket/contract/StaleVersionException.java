package dev.docket.contract;

/** The client edited a copy that someone else has changed since; it must reload and retry. */
public final class StaleVersionException extends RuntimeException {

    public StaleVersionException(long id, long given, long current) {
        super("Contract " + id + " is at version " + current + ", but the request was based on version " + given
                + "; reload the contract and apply the change again");
    }
}
