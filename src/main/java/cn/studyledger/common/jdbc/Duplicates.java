package cn.studyledger.common.jdbc;

import java.sql.SQLException;

/** Recognises the database's refusal of a second row with the same unique key (SQLSTATE 23505). */
public final class Duplicates {

    /** Unique violation on PostgreSQL and on H2 alike. */
    static final String UNIQUE_VIOLATION = "23505";

    private Duplicates() {}

    /** True when {@code e} or one of its causes is a unique-key violation: someone stored the same row first. */
    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
