package dev.docket.identity;

import dev.docket.system.ProblemHandler;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

final class IdentityErrorHandlers {

    private IdentityErrorHandlers() {
    }

    @Singleton
    @Requires(classes = {IdentityNotFoundException.class, ExceptionHandler.class})
    static final class NotFound extends ProblemHandler<IdentityNotFoundException> {
        NotFound(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.NOT_FOUND);
        }
    }

    @Singleton
    @Requires(classes = {IdentityConflictException.class, ExceptionHandler.class})
    static final class Conflict extends ProblemHandler<IdentityConflictException> {
        Conflict(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.CONFLICT);
        }
    }

    @Singleton
    @Requires(classes = {NotAllowedException.class, ExceptionHandler.class})
    static final class NotAllowed extends ProblemHandler<NotAllowedException> {
        NotAllowed(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.FORBIDDEN);
        }
    }
}
