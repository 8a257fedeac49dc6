package dev.docket.system;

import java.util.List;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * The one renderer every Docket exception handler answers through: a status, a field (or none) and a message
 * become a problem+json body by way of {@link ProblemBodyProvider}.
 */
@Singleton
final class Problems {

    private final ErrorResponseProcessor<?> processor;

    Problems(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    HttpResponse<?> answer(HttpRequest<?> request, @Nullable Throwable cause, MutableHttpResponse<?> response, @Nullable String field, String message) {
        ErrorContext.Builder context = ErrorContext.builder(request).error(new FieldError(field, message));
        return processor.processResponse((cause == null ? context : context.cause(cause)).build(), response);
    }

    /** Several fields wrong at once, each named with what is wrong with it. */
    HttpResponse<?> answer(HttpRequest<?> request, MutableHttpResponse<?> response, List<FieldError> errors) {
        return processor.processResponse(ErrorContext.builder(request).errors(List.copyOf(errors)).build(), response);
    }

    /** A failure that must say nothing of itself to the client (5xx): the body provider writes the generic text. */
    HttpResponse<?> internal(HttpRequest<?> request, Throwable cause, MutableHttpResponse<?> response) {
        return processor.processResponse(ErrorContext.builder(request).cause(cause).errorMessage("Internal Server Error").build(), response);
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
