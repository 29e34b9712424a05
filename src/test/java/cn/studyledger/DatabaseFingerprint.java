package cn.studyledger;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Proves that a test leaves the database of its Spring context as it found it. Before and after each test (its
 * {@code @BeforeEach} and {@code @AfterEach} methods included) it takes the row count and a checksum of the rows of
 * every table, read on a connection of its own, so it sees what is committed; a test that leaves a difference fails,
 * naming the tables. The same check runs around the whole class, which covers {@code @BeforeAll} and
 * {@code @AfterAll} fixtures. A test keeps the data as it found it by a rolled-back test transaction, by a fixture of
 * its own that it removes, or by cleaning up after itself (docs/testing.md).
 *
 * <p>Registered by {@link IntegrationTest} and {@link HttpIntegrationTest}, before the {@code SpringExtension}, so
 * it looks before a test transaction begins and after it has rolled back. A class marked
 * {@link DatabaseSnapshot.RestoredAfterEachTest} has a snapshot taken before each test and put back after it, before
 * the comparison. One query per fingerprint (a {@code union all} of a {@code count(*)} and a {@code sum} of a hash of
 * each row's text per table), and what a test leaves is reused as what the next test of its class finds: about 3 ms
 * on PostgreSQL and 5–10 ms on H2 for the demo data (docs/testing.md); the totals are printed at the end of the run.
 *
 * <p>Not compared, with the reason ({@link #NOT_COMPARED}): the HTTP sessions of Spring Session JDBC (they come and
 * go with logins and expire; no test reads them) and ShedLock's lock rows (the nightly job moves its lock time).
 * The audit log is compared: its lines are records a user reads (the auditor's page) and tests count, so a test
 * that writes them (a form login writes one in its own transaction) removes them again.
 */
public final class DatabaseFingerprint
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** Tables left out of the comparison, each for the reason above. */
    static final Set<String> NOT_COMPARED = Set.of("spring_session", "spring_session_attributes", "shedlock");

    /**
     * The tests of the class share a fixture of the class's own, made before the first test and removed after the
     * last (as {@code concurrency.RaceFixture} is); the database is compared around the whole class only.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    public @interface AroundTheClass {}

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DatabaseFingerprint.class);

    /** In a class's store: the fingerprint its last test left, and that one of its tests has been blamed. */
    private static final String LEFT = "left";

    private static final String BLAMED = "blamed";

    /** The fingerprint query of each database, built once from its schema. */
    private static final Map<DataSource, String> QUERIES = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(Fingerprint.class, take(context));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Fingerprint before = context.getStore(NAMESPACE).get(Fingerprint.class, Fingerprint.class);
        if (before != null && context.getStore(NAMESPACE).get(BLAMED) == null) {
            compare(
                    before,
                    take(context),
                    "the class " + context.getRequiredTestClass().getSimpleName());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (aroundTheClass(context)) {
            return;
        }
        requireNoTransactionYet();
        // What the previous test of the class left is what this one finds: nothing runs in between.
        Fingerprint left = classStore(context).remove(LEFT, Fingerprint.class);
        Fingerprint before = left != null && left.dataSource() == dataSource(context) ? left : take(context);
        context.getStore(NAMESPACE).put(Fingerprint.class, before);
        if (restored(context)) {
            long started = System.nanoTime();
            DatabaseSnapshot snapshot = DatabaseSnapshot.take(SpringExtension.getApplicationContext(context));
            Cost.of(context).snapshots.add(System.nanoTime() - started);
            context.getStore(NAMESPACE).put(DatabaseSnapshot.class, snapshot);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Fingerprint before = context.getStore(NAMESPACE).get(Fingerprint.class, Fingerprint.class);
        if (aroundTheClass(context) || before == null) {
            return;
        }
        requireNoTransactionYet();
        DatabaseSnapshot snapshot = context.getStore(NAMESPACE).get(DatabaseSnapshot.class, DatabaseSnapshot.class);
        if (snapshot != null) {
            long started = System.nanoTime();
            snapshot.restore();
            Cost.of(context).restores.add(System.nanoTime() - started);
        }
        Fingerprint after = take(context);
        classStore(context).put(LEFT, after);
        try {
            compare(before, after, "the test");
        } catch (AssertionFailedError e) {
            classStore(context).put(BLAMED, true);
            throw e;
        }
    }

    /**
     * Registered before the {@code SpringExtension} (see {@link IntegrationTest}), this runs before a test transaction
     * begins and after it has rolled back; otherwise its view would not be what the test found and left.
     */
    private static void requireNoTransactionYet() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("DatabaseFingerprint must be registered before the SpringExtension");
        }
    }

    private static boolean restored(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(
                context.getRequiredTestClass(), DatabaseSnapshot.RestoredAfterEachTest.class);
    }

    private static boolean aroundTheClass(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getRequiredTestClass(), AroundTheClass.class);
    }

    private static ExtensionContext.Store classStore(ExtensionContext context) {
        return context.getParent().orElseThrow().getStore(NAMESPACE);
    }

    private static void compare(Fingerprint before, Fingerprint after, String who) {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Table> e : after.tables().entrySet()) {
            Table old = before.tables().get(e.getKey());
            Table now = e.getValue();
            if (old == null) {
                changed.add(e.getKey() + " (new table)");
            } else if (old.rows() != now.rows()) {
                changed.add(e.getKey() + " (" + old.rows() + " → " + now.rows() + " rows)");
            } else if (!old.checksum().equals(now.checksum())) {
                changed.add(e.getKey() + " (rows changed)");
            }
        }
        if (!changed.isEmpty()) {
            throw new AssertionFailedError(who + " left the database changed (roll back, use a fixture of its own or"
                    + " clean up; docs/testing.md): " + String.join(", ", changed));
        }
    }

    private static DataSource dataSource(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(DataSource.class);
    }

    /** Row count and checksum of every compared table, by name, on a connection of its own (committed rows). */
    private static Fingerprint take(ExtensionContext context) {
        DataSource dataSource = dataSource(context);
        try (Connection connection = dataSource.getConnection()) {
            String query = QUERIES.get(dataSource);
            if (query == null) {
                query = query(connection);
                QUERIES.put(dataSource, query);
            }
            long started = System.nanoTime();
            Map<String, Table> tables = new TreeMap<>();
            try (PreparedStatement statement = connection.prepareStatement(query);
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tables.put(rs.getString(1), new Table(rs.getLong(2), rs.getString(3)));
                }
            }
            Cost.of(context).fingerprints.add(System.nanoTime() - started);
            return new Fingerprint(dataSource, tables);
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the database fingerprint", e);
        }
    }

    /** One statement over all tables: name, row count and the sum of a hash of each row's text. */
    private static String query(Connection connection) throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        String hash = postgres ? "hashtext" : "ora_hash";
        String text = postgres ? "text" : "varchar";
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("""
                        select lower(c.table_name), lower(c.column_name)
                          from information_schema.columns c join information_schema.tables t
                            on t.table_schema = c.table_schema and t.table_name = c.table_name
                         where lower(t.table_schema) = 'public' and t.table_type in ('BASE TABLE', 'TABLE')
                         order by 1, c.ordinal_position""")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        columns.keySet().removeAll(NOT_COMPARED);
        if (!columns.containsKey("org_unit")) {
            throw new IllegalStateException("no application tables found: " + columns.keySet());
        }
        return columns.entrySet().stream()
                .map(e -> "select '" + e.getKey() + "', count(*), cast(coalesce(sum(" + hash + "(cast(row("
                        + e.getValue().stream().map(c -> '"' + c + '"').collect(Collectors.joining(", "))
                        + ") as " + text + "))), 0) as varchar(40)) from \"" + e.getKey() + '"')
                .collect(Collectors.joining(" union all "));
    }

    private record Table(long rows, String checksum) {}

    private record Fingerprint(DataSource dataSource, Map<String, Table> tables) {}

    /** Time spent in this JVM on fingerprints and snapshots, printed once when the outermost test run ends. */
    private static final class Cost implements AutoCloseable {

        private static final Cost JVM = new Cost();
        private static final AtomicBoolean PRINTED_AT_THE_END = new AtomicBoolean();

        final List<Long> fingerprints = Collections.synchronizedList(new ArrayList<>());
        final List<Long> snapshots = Collections.synchronizedList(new ArrayList<>());
        final List<Long> restores = Collections.synchronizedList(new ArrayList<>());

        static Cost of(ExtensionContext context) {
            if (PRINTED_AT_THE_END.compareAndSet(false, true)) {
                context.getRoot().getStore(NAMESPACE).put(Cost.class, JVM);
            }
            return JVM;
        }

        @Override
        public void close() {
            print("Database fingerprints", fingerprints);
            print("Database snapshots taken", snapshots);
            print("Database snapshots put back", restores);
        }

        private static void print(String what, List<Long> took) {
            List<Long> sorted = new ArrayList<>(took);
            if (sorted.isEmpty()) {
                return;
            }
            Collections.sort(sorted);
            long total = sorted.stream().mapToLong(Long::longValue).sum();
            System.out.printf(
                    "%s: %d in %.1f s; median %.1f ms, 90th percentile %.1f ms, max %.1f ms%n",
                    what,
                    sorted.size(),
                    total / 1e9,
                    sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get(sorted.size() * 9 / 10) / 1e6,
                    sorted.get(sorted.size() - 1) / 1e6);
        }
    }
}
