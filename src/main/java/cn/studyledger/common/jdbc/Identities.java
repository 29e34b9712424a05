package cn.studyledger.common.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Identity columns after rows were written with explicit ids (archive restore, scale data): the next generated id
 * continues after the largest one in the table, on PostgreSQL ({@code setval}) and H2 ({@code restart with}).
 */
public final class Identities {

    private Identities() {}

    /** Moves the {@code id} identity of each table past its largest id. */
    public static void continueAfterLargest(Connection connection, Iterable<String> tables) throws SQLException {
        boolean postgres = connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
        for (String table : tables) {
            long next;
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("select coalesce(max(id), 0) + 1 from " + table)) {
                rs.next();
                next = rs.getLong(1);
            }
            try (Statement s = connection.createStatement()) {
                if (postgres) {
                    s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), " + next + ", false)");
                } else {
                    s.execute("alter table " + table + " alter column id restart with " + next);
                }
            }
        }
    }
}
