package dev.docket.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

import java.util.Optional;


/** Shared body of the per-error handlers: one status, one field (or none), the exception's message. */
public abstract class ProblemHandler<E extends Throwable> implements ExceptionHandler<E, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> processor;
    private final HttpStatus status;

    protected ProblemHandler(ErrorResponseProcessor<?> processor, HttpStatus status) {
        this.processor = processor;
        this.status = status;
    }

    /** The request field the error is about, or null when it concerns the request as a whole. */
    protected @Nullable String field(E exception) {
        return null;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, E exception) {
        Error error = new FieldError(field(exception), exception.getMessage());
        return processor.processResponse(ErrorContext.builder(request).cause(exception).error(error).build(),
                HttpResponse.status(status));
    }

    /** A Docket error whose field path is already the one clients send, so it is passed through as it is. */
    record FieldError(@Nullable String field, String message) implements Error {

        @Override
        public Optional<String> getPath() {
            return Optional.ofNullable(field);
        }

        @Override
        public String getMessage() {
            return message;
        }
    }
}
