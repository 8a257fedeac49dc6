package dev.docket.contract;

/** A value that is well-formed JSON but not acceptable to Docket, such as an unknown currency or gate. */
public final class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
