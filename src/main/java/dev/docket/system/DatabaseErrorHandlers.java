package dev.docket.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Database failures a client can act on never answer 500: a lost race (deadlock, lock wait timeout) or a
 * refused "at most one" is 409, like a stale version; a database that is down, frozen or too slow is 503
 * with Retry-After. Micronaut Data, its transaction manager and its connection layer each raise their own
 * exception type for the same SQL failure, hence one handler per type around one classification.
 */
final class DatabaseErrorHandlers {

    /** Seconds a client should wait before retrying while the database is unavailable. */
    static final String RETRY_AFTER_SECONDS = "2";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseErrorHandlers.class);
    private static final Pattern CONSTRAINT_NAME = Pattern.compile("\\b((?:uk|ck|fk)_\\w+)", Pattern.CASE_INSENSITIVE);

    private DatabaseErrorHandlers() {
    }

    static HttpResponse<?> answer(Problems problems, HttpRequest<?> request, Throwable failure) {
        DatabaseErrors.Kind kind = DatabaseErrors.classify(failure);
        MutableHttpResponse<?> response;
        String message;
        switch (kind) {
            case LOST_RACE -> {
                response = HttpResponse.status(HttpStatus.CONFLICT);
                message = "Another request changed the same record at the same moment and this one gave way; nothing "
                        + "of it was saved. Reload and apply the change again";
            }
            case CONSTRAINT -> {
                response = HttpResponse.status(HttpStatus.CONFLICT);
                Matcher name = CONSTRAINT_NAME.matcher(String.valueOf(failure.getMessage()));
                message = "The database refused the change because it conflicts with data stored a moment ago"
                        + (name.find() ? " (" + name.group(1).toLowerCase() + ")" : "")
                        + "; nothing of it was saved. Reload and check before trying again";
            }
            case UNAVAILABLE -> {
                response = HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS);
                message = "The database is not answering, so this request could not be completed; retry in "
                        + RETRY_AFTER_SECONDS + " seconds. A change sent with its version is safe to resend: if it "
                        + "was saved after all, the resend answers 409";
                LOG.warn("Database unavailable for {} {}: {}", request.getMethodName(), request.getPath(), failure.toString());
            }
            default -> {
                LOG.error("Database failure for {} {}", request.getMethodName(), request.getPath(), failure);
                return problems.internal(request, failure, HttpResponse.serverError());
            }
        }
        return problems.answer(request, failure, response, null, message);
    }

    /** The shared body: each subclass only names the exception type Micronaut should route to it. */
    abstract static class Handler<E extends Throwable> implements ExceptionHandler<E, HttpResponse<?>> {
        private final Problems problems;

        Handler(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, E exception) {
            return answer(problems, request, exception);
        }
    }

    @Singleton
    @Requires(classes = {DataAccessException.class, ExceptionHandler.class})
    static final class DataAccess extends Handler<DataAccessException> {
        DataAccess(Problems problems) {
            super(problems);
        }
    }

    @Singleton
    @Requires(classes = {TransactionException.class, ExceptionHandler.class})
    static final class Transaction extends Handler<TransactionException> {
        Transaction(Problems problems) {
            super(problems);
        }
    }

    @Singleton
    @Requires(classes = {ConnectionException.class, ExceptionHandler.class})
    static final class Connection extends Handler<ConnectionException> {
        Connection(Problems problems) {
            super(problems);
        }
    }

    /** Raised when the pool hands out no connection within its timeout (the database is down). */
    @Singleton
    @Requires(classes = {CannotGetJdbcConnectionException.class, ExceptionHandler.class})
    static final class NoConnection extends Handler<CannotGetJdbcConnectionException> {
        NoConnection(Problems problems) {
            super(problems);
        }
    }

    /** The same failure, raised by the transaction manager when it opens a transaction. */
    @Singleton
    @Requires(classes = {io.micronaut.transaction.jdbc.exceptions.CannotGetJdbcConnectionException.class, ExceptionHandler.class})
    static final class NoTransactionConnection extends Handler<io.micronaut.transaction.jdbc.exceptions.CannotGetJdbcConnectionException> {
        NoTransactionConnection(Problems problems) {
            super(problems);
        }
    }

    /**
     * Two writers passed the version check at once and Micronaut Data found the row changed under the loser: the
     * same answer as a stale version, so the client reloads and applies its change again.
     */
    @Singleton
    @Requires(classes = {OptimisticLockException.class, ExceptionHandler.class})
    static final class ConcurrentEdit implements ExceptionHandler<OptimisticLockException, HttpResponse<?>> {
        private final Problems problems;

        ConcurrentEdit(Problems problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, OptimisticLockException exception) {
            return problems.answer(request, exception, HttpResponse.status(HttpStatus.CONFLICT), "version", exception.getMessage());
        }
    }
}
