package dev.docket.override;

public final class OverrideNotFoundException extends RuntimeException {

    public OverrideNotFoundException(long id) {
        super("No override has id " + id);
    }
}
