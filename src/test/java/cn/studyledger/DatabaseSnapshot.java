package cn.studyledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;

/**
 * The committed rows of the application's tables, taken before a test whose writes commit and cannot be rolled back
 * (a browser or another client over real HTTP, {@link HttpIntegrationTest}) and put back exactly afterwards: each
 * table the test changed is emptied and refilled with the rows it had, ids included. The demo data is about a
 * thousand rows, so taking and restoring take milliseconds. For such tests only: a MockMvc test rolls back, works
 * in a fixture of its own or removes what it made ({@link DatabaseFingerprint} checks all of them).
 */
public final class DatabaseSnapshot {

    /**
     * Each test of the class (its {@code @BeforeEach} and {@code @AfterEach} methods included) finds the database as
     * a snapshot taken before it and leaves it so: {@link DatabaseFingerprint} takes the snapshot before the test
     * (and before its test transaction, if any), puts it back after (after the rollback) and then compares. For
     * tests whose writes commit: over real HTTP, or in a transaction of their own inside a rolled-back test (a form
     * login's audit line, the first look at a year's findings).
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    public @interface RestoredAfterEachTest {}

    private static final String STORED_FILE = "common_stored_file";

    private final DataSource dataSource;
    private final Path files;
    private final Map<String, Rows> tables;

    private DatabaseSnapshot(DataSource dataSource, Path files, Map<String, Rows> tables) {
        this.dataSource = dataSource;
        this.files = files;
        this.tables = tables;
    }

    /**
     * The rows of every table {@link DatabaseFingerprint} compares, as committed now, in the database of the
     * application context; {@link #restore()} also deletes the files of stored-file rows made after this.
     */
    public static DatabaseSnapshot take(ApplicationContext context) {
        DataSource dataSource = context.getBean(DataSource.class);
        Path files = Path.of(context.getEnvironment().getProperty("ledger.files.dir", "./data/files"));
        try (Connection c = dataSource.getConnection()) {
            Map<String, Rows> tables = new LinkedHashMap<>();
            for (String table : tableNames(c)) {
                tables.put(table, read(c, table));
            }
            return new DatabaseSnapshot(dataSource, files, tables);
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the database snapshot", e);
        }
    }

    /** Puts back the rows of every table that differs from the snapshot; returns the names of those tables. */
    public List<String> restore() {
        try (Connection c = dataSource.getConnection()) {
            List<String> changed = new ArrayList<>();
            Rows storedFiles = null;
            for (Map.Entry<String, Rows> e : tables.entrySet()) {
                Rows now = read(c, e.getKey());
                if (!now.equals(e.getValue())) {
                    changed.add(e.getKey());
                    if (e.getKey().equals(STORED_FILE)) {
                        storedFiles = now;
                    }
                }
            }
            if (!changed.isEmpty()) {
                refill(c, changed);
            }
            if (storedFiles != null) {
                deleteFilesAddedSince(storedFiles);
            }
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("could not restore the database snapshot", e);
        }
    }

    /** The stored files named by rows that were not there when the snapshot was taken. */
    private void deleteFilesAddedSince(Rows now) {
        Rows before = tables.get(STORED_FILE);
        int name = now.columns().indexOf("stored_name");
        List<Object> kept = before.values().stream().map(row -> row.get(name)).toList();
        for (List<Object> row : now.values()) {
            Object storedName = row.get(name);
            if (!kept.contains(storedName)) {
                try {
                    Files.deleteIfExists(files.resolve(storedName.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void refill(Connection c, List<String> changed) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        boolean autoCommit = c.getAutoCommit();
        // Foreign keys are not checked while the tables are refilled: the rows were consistent when they were taken.
        if (!postgres) {
            execute(c, "set referential_integrity false");
        }
        try {
            c.setAutoCommit(false);
            if (postgres) {
                execute(c, "set local session_replication_role = replica");
            }
            for (String table : changed) {
                execute(c, "delete from \"" + table + '"');
            }
            for (String table : changed) {
                Rows rows = tables.get(table);
                String sql = "insert into \"" + table + "\" ("
                        + rows.columns().stream().map(col -> '"' + col + '"').collect(Collectors.joining(", "))
                        + ") values (" + rows.columns().stream().map(col -> "?").collect(Collectors.joining(", "))
                        + ")";
                try (PreparedStatement insert = c.prepareStatement(sql)) {
                    for (List<Object> row : rows.values()) {
                        for (int i = 0; i < row.size(); i++) {
                            insert.setObject(i + 1, row.get(i));
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
            if (!postgres) {
                execute(c, "set referential_integrity true");
            }
        }
    }

    private static List<String> tableNames(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select lower(table_name) from information_schema.tables"
                        + " where lower(table_schema) = 'public' and table_type in ('BASE TABLE', 'TABLE')"
                        + " order by 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        names.removeAll(DatabaseFingerprint.NOT_COMPARED);
        names.remove("flyway_schema_history");
        return names;
    }

    private static Rows read(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select * from \"" + table + '"')) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase());
            }
            List<List<Object>> values = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                values.add(Arrays.asList(row));
            }
            values.sort((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
            return new Rows(columns, values);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A table's column names and its rows' values, in an order independent of how the database returned them. */
    private record Rows(List<String> columns, List<List<Object>> values) {}
}
