package dev.docket.system;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransactionRollbackException;

import io.micronaut.core.annotation.Nullable;

/**
 * What a database failure means for the client, read from the SQL states and vendor codes of MariaDB, MySQL
 * and H2 along the exception's causes: a lost race (retry), a broken "at most one" rule, or a database that
 * is not answering (retry later). Everything else is Docket's own failure.
 */
public final class DatabaseErrors {

    /** How a database failure is answered. */
    public enum Kind {
        /** Deadlock or lock wait timeout: another writer held the row; nothing was written, retrying may succeed. */
        LOST_RACE,
        /** A unique key or other constraint refused the write: the stored data already says otherwise. */
        CONSTRAINT,
        /** No connection, a broken connection or a query timeout: the database is down, frozen or overloaded. */
        UNAVAILABLE,
        OTHER
    }

    // MariaDB/MySQL vendor codes: deadlock, lock wait timeout, query interrupted by its timeout.
    private static final int MYSQL_DEADLOCK = 1213;
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
    private static final int MYSQL_QUERY_INTERRUPTED = 1317;
    private static final int MYSQL_MAX_STATEMENT_TIME = 1969;
    // H2 vendor codes: deadlock, lock timeout, statement cancelled by its timeout.
    private static final int H2_DEADLOCK = 40001;
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final int H2_STATEMENT_CANCELED = 57014;

    private DatabaseErrors() {
    }

    public static Kind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Kind kind = classifyOne(t);
            if (kind != Kind.OTHER) {
                return kind;
            }
        }
        return Kind.OTHER;
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return classify(failure) == Kind.CONSTRAINT;
    }

    private static Kind classifyOne(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                || t instanceof SQLTimeoutException || t instanceof SocketTimeoutException) {
            return Kind.UNAVAILABLE;
        }
        if (t instanceof SQLTransactionRollbackException) {
            return Kind.LOST_RACE;
        }
        if (t instanceof SQLIntegrityConstraintViolationException) {
            return Kind.CONSTRAINT;
        }
        if (!(t instanceof SQLException sql)) {
            return Kind.OTHER;
        }
        String state = sql.getSQLState();
        int code = sql.getErrorCode();
        if (code == MYSQL_DEADLOCK || code == MYSQL_LOCK_WAIT_TIMEOUT || code == H2_DEADLOCK || code == H2_LOCK_TIMEOUT
                || "40001".equals(state)) {
            return Kind.LOST_RACE;
        }
        if (code == MYSQL_QUERY_INTERRUPTED || code == MYSQL_MAX_STATEMENT_TIME || code == H2_STATEMENT_CANCELED
                || startsWith(state, "08") || "70100".equals(state) || "HYT00".equals(state)) {
            return Kind.UNAVAILABLE;
        }
        if (startsWith(state, "23")) {
            return Kind.CONSTRAINT;
        }
        return Kind.OTHER;
    }

    private static boolean startsWith(@Nullable String state, String prefix) {
        return state != null && state.startsWith(prefix);
    }
}
