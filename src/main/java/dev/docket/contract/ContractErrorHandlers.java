package dev.docket.contract;

import dev.docket.system.ProblemHandler;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** One handler per contract error, each with the status a client can act on. */
final class ContractErrorHandlers {

    private ContractErrorHandlers() {
    }

    @Singleton
    @Requires(classes = {ContractNotFoundException.class, ExceptionHandler.class})
    static final class NotFound extends ProblemHandler<ContractNotFoundException> {
        NotFound(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.NOT_FOUND);
        }
    }

    @Singleton
    @Requires(classes = {StaleVersionException.class, ExceptionHandler.class})
    static final class StaleVersion extends ProblemHandler<StaleVersionException> {
        StaleVersion(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.CONFLICT);
        }

        @Override
        protected String field(StaleVersionException e) {
            return "version";
        }
    }

    /** Two writers passed the version check at once; the loser gets the same answer as a stale version. */
    @Singleton
    @Requires(classes = {OptimisticLockException.class, ExceptionHandler.class})
    static final class ConcurrentEdit extends ProblemHandler<OptimisticLockException> {
        ConcurrentEdit(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.CONFLICT);
        }

        @Override
        protected String field(OptimisticLockException e) {
            return "version";
        }
    }

    @Singleton
    @Requires(classes = {DuplicateExternalRefException.class, ExceptionHandler.class})
    static final class DuplicateExternalRef extends ProblemHandler<DuplicateExternalRefException> {
        DuplicateExternalRef(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.CONFLICT);
        }

        @Override
        protected String field(DuplicateExternalRefException e) {
            return "externalRef";
        }
    }

    @Singleton
    @Requires(classes = {ContractClosedException.class, ExceptionHandler.class})
    static final class ContractClosed extends ProblemHandler<ContractClosedException> {
        ContractClosed(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.CONFLICT);
        }
    }

    @Singleton
    @Requires(classes = {InvalidStatusChangeException.class, ExceptionHandler.class})
    static final class InvalidStatusChange extends ProblemHandler<InvalidStatusChangeException> {
        InvalidStatusChange(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.CONFLICT);
        }

        @Override
        protected String field(InvalidStatusChangeException e) {
            return "status";
        }
    }

    @Singleton
    @Requires(classes = {InvalidFieldException.class, ExceptionHandler.class})
    static final class InvalidField extends ProblemHandler<InvalidFieldException> {
        InvalidField(ErrorResponseProcessor<?> processor) {
            super(processor, HttpStatus.BAD_REQUEST);
        }

        @Override
        protected String field(InvalidFieldException e) {
            return e.field();
        }
    }
}
