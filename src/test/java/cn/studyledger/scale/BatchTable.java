package cn.studyledger.scale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collections;

/**
 * Inserts rows into one table in JDBC batches; the caller flushes the tables in parent-first order. Tables of {@code BaseEntity} records get their version and
 * creation columns filled ({@code audited}).
 */
final class BatchTable implements AutoCloseable {

    private static final int BATCH = 2_000;

    final String name;
    private final PreparedStatement insert;
    private final boolean audited;
    private final int columns;
    private final Timestamp now = Timestamp.valueOf(LocalDateTime.of(2025, 12, 31, 18, 0));
    private int pending;
    private long rows;

    BatchTable(Connection connection, String name, boolean audited, String... columns) throws SQLException {
        this.name = name;
        this.audited = audited;
        this.columns = columns.length;
        String names = String.join(", ", columns) + (audited ? ", version, created_at, created_by" : "");
        int count = columns.length + (audited ? 3 : 0);
        String marks = String.join(", ", Collections.nCopies(count, "?"));
        this.insert = connection.prepareStatement("insert into " + name + " (" + names + ") values (" + marks + ")");
    }

    /** Adds a row to the batch; true when the batch is full and should be flushed (parents first). */
    boolean add(Object... values) throws SQLException {
        if (values.length != columns) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for " + columns + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            insert.setObject(i + 1, values[i]);
        }
        if (audited) {
            insert.setLong(columns + 1, 0);
            insert.setTimestamp(columns + 2, now);
            insert.setString(columns + 3, "scale");
        }
        insert.addBatch();
        rows++;
        return ++pending >= BATCH;
    }

    void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        flush();
        insert.close();
    }
}
