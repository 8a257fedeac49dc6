package dev.docket.approval;

import dev.docket.system.ProblemHandler;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** One handler per approval error. */
final class ApprovalErrorHandlers {

    private ApprovalErrorHandlers() {
    }

    @Singleton
    @Requires(classes = {ApprovalNotFoundException.class, ExceptionHandler.class})
    static final class NotFound extends ProblemHandler<ApprovalNotFoundException> {
        NotFound(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.NOT_FOUND);
        }
    }

    @Singleton
    @Requires(classes = {ApprovalAlreadyDecidedException.class, ExceptionHandler.class})
    static final class AlreadyDecided extends ProblemHandler<ApprovalAlreadyDecidedException> {
        AlreadyDecided(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.CONFLICT);
        }

        @Override
        protected String field(ApprovalAlreadyDecidedException e) {
            return "decision";
        }
    }
}
