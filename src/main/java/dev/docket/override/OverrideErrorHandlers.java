package dev.docket.override;

import dev.docket.system.ProblemHandler;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** One handler per override error. Field problems in the request itself are InvalidFieldException (400). */
final class OverrideErrorHandlers {

    private OverrideErrorHandlers() {
    }

    @Singleton
    @Requires(classes = {OverrideNotFoundException.class, ExceptionHandler.class})
    static final class NotFound extends ProblemHandler<OverrideNotFoundException> {
        NotFound(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.NOT_FOUND);
        }
    }

    @Singleton
    @Requires(classes = {ActiveOverrideExistsException.class, ExceptionHandler.class})
    static final class ActiveExists extends ProblemHandler<ActiveOverrideExistsException> {
        ActiveExists(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.CONFLICT);
        }
    }

    @Singleton
    @Requires(classes = {OverrideNotActiveException.class, ExceptionHandler.class})
    static final class NotActive extends ProblemHandler<OverrideNotActiveException> {
        NotActive(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.CONFLICT);
        }
    }
}
