package dev.docket.webhook;

import dev.docket.system.ProblemHandler;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

final class WebhookErrorHandlers {

    private WebhookErrorHandlers() {
    }

    @Singleton
    @Requires(classes = {WebhookNotFoundException.class, ExceptionHandler.class})
    static final class NotFound extends ProblemHandler<WebhookNotFoundException> {
        NotFound(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.NOT_FOUND);
        }
    }

    @Singleton
    @Requires(classes = {WebhookConflictException.class, ExceptionHandler.class})
    static final class Conflict extends ProblemHandler<WebhookConflictException> {
        Conflict(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.CONFLICT);
        }
    }
}
