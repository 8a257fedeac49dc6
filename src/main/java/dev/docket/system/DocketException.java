package dev.docket.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;

/**
 * An error a client can act on: the status it answers, the request field it is about (or none) and a sentence a
 * person understands. Every domain error extends this, so one handler renders them all as problem+json.
 */
public class DocketException extends RuntimeException {

    private final HttpStatus status;
    private final @Nullable String field;

    protected DocketException(HttpStatus status, @Nullable String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    /** The request field the error is about, as clients send it, or null when it concerns the request as a whole. */
    public @Nullable String field() {
        return field;
    }

    /** A domain error about to be answered; listeners run on the request's thread, after its own work rolled back. */
    public record Answered(HttpRequest<?> request, DocketException error) {
    }
}
