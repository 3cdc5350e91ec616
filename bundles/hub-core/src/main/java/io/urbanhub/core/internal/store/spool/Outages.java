package io.urbanhub.core.internal.store.spool;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that is away from a write it refuses. Only the first is spooled: a constraint violation or bad
 * data would be refused again after the outage, so it keeps failing on its own.
 */
public final class Outages {

    private Outages() {
    }

    /** Whether the failure says the database could not be reached, rather than that it refused the write. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof SQLTimeoutException
                    || cause instanceof IOException) {
                return true;
            }
            if (cause instanceof SQLException sql && isOutageState(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    /**
     * SQL state class 08 is a connection exception; 57P01 to 57P03 are a PostgreSQL shutting down, crashed or not
     * yet accepting connections.
     */
    static boolean isOutageState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
