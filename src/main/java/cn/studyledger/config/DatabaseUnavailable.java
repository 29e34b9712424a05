package cn.studyledger.config;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises "the database cannot be reached" among the exceptions Spring, Hibernate, Hikari and the JDBC drivers
 * throw for it, so that pages and the API answer 503 with a message the user understands instead of a 500. The
 * connection pool reconnects by itself once the database is back; nothing has to be restarted.
 */
public final class DatabaseUnavailable {

    public static final String MESSAGE = "数据库暂时不可用，请稍后再试";

    private static final String HIKARI_CLOSED = "Connection is closed";

    /** The types thrown when no connection can be had (also matched as the cause of another exception). */
    static final List<Class<? extends Throwable>> TYPES = List.of(
            CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class,
            JDBCConnectionException.class,
            SQLTransientConnectionException.class,
            SQLNonTransientConnectionException.class);

    private DatabaseUnavailable() {}

    /**
     * Whether the exception, one of its causes or a suppressed exception says the database is unreachable: one of
     * {@link #TYPES}; a driver exception with SQL state class 08 (connection exception) or PostgreSQL's
     * 57P01..57P03 (server shutting down or starting up); or the pool's "Connection is closed" for a connection the
     * server dropped (Spring then reports the failed rollback on it, not the original failure).
     */
    static boolean causedBy(Throwable e) {
        return causedBy(e, 0);
    }

    private static boolean causedBy(Throwable e, int depth) {
        for (Throwable t = e; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            for (Class<? extends Throwable> type : TYPES) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ((state != null && (state.startsWith("08") || state.startsWith("57P0")))
                        || HIKARI_CLOSED.equals(sql.getMessage())) {
                    return true;
                }
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (causedBy(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
