package cn.studyledger.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.EmbeddedPostgresInitializer;
import cn.studyledger.IntegrationTest;
import cn.studyledger.Requires;
import cn.studyledger.StudyLedgerApplication;
import cn.studyledger.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The backups of docs/operations.md restore to the same data: the demo installation saved with H2's
 * {@code SCRIPT TO} and loaded with {@code RUNSCRIPT FROM} into a new database, and on PostgreSQL saved with
 * {@code pg_dump -Fc} and loaded with {@code pg_restore} into a fresh database; every table has the same number of
 * rows afterwards.
 */
@IntegrationTest
class BackupAndRestoreTests {

    @Autowired
    DataSource dataSource;

    @Test
    void h2ScriptRestoresEveryTableWithTheSameRows() throws Exception {
        Path script = Files.createTempFile("ledger-backup-", ".sql");
        JdbcClient source = JdbcClient.create(dataSource);
        Map<String, Long> before = rowCounts(source);
        source.sql("script to '" + script.toAbsolutePath() + "'").query().listOfRows();

        String url = "jdbc:h2:mem:restored-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (Connection restored = DriverManager.getConnection(url, "sa", "")) {
            JdbcClient target = JdbcClient.create(new SingleConnectionDataSource(restored, true));
            target.sql("runscript from '" + script.toAbsolutePath() + "'").update();
            assertThat(rowCounts(target)).isEqualTo(before);
        } finally {
            Files.deleteIfExists(script);
        }
        assertThat(before.get("session_study_session")).isPositive();
    }

    @Test
    @Requires({Tool.PG_DUMP, Tool.PG_RESTORE})
    void postgresDumpRestoresEveryTableWithTheSameRows() throws Exception {
        String sourceUrl = EmbeddedPostgresInitializer.newDatabase();
        String targetUrl = EmbeddedPostgresInitializer.newDatabase();
        int port = EmbeddedPostgresInitializer.server().getPort();
        Path dump = Files.createTempFile("ledger-backup-", ".dump");
        try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(StudyLedgerApplication.class)
                .run(
                        "--spring.profiles.active=demo,test",
                        "--spring.main.web-application-type=none",
                        "--spring.datasource.url=" + sourceUrl,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.datasource.driver-class-name=org.postgresql.Driver")) {
            JdbcClient source = JdbcClient.create(demo.getBean(DataSource.class));
            Map<String, Long> before = rowCounts(source);

            run(
                    Tool.PG_DUMP.path().toString(),
                    "-Fc",
                    "-h",
                    "localhost",
                    "-p",
                    String.valueOf(port),
                    "-U",
                    "postgres",
                    "-f",
                    dump.toString(),
                    database(sourceUrl));
            run(
                    Tool.PG_RESTORE.path().toString(),
                    "--no-owner",
                    "--exit-on-error",
                    "-h",
                    "localhost",
                    "-p",
                    String.valueOf(port),
                    "-U",
                    "postgres",
                    "-d",
                    database(targetUrl),
                    dump.toString());

            try (Connection restored = DriverManager.getConnection(targetUrl, "postgres", "postgres")) {
                JdbcClient target = JdbcClient.create(new SingleConnectionDataSource(restored, true));
                assertThat(rowCounts(target)).isEqualTo(before);
            }
            assertThat(before.get("session_study_session")).isPositive();
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    private static String database(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static void run(String... command) throws Exception {
        Process process =
                new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + "\n" + output)
                .isZero();
    }

    /** The row count of every table of the application's schema, by lower-case table name. */
    private static Map<String, Long> rowCounts(JdbcClient jdbc) {
        List<String> tables = jdbc.sql("select lower(table_name) from information_schema.tables"
                        + " where lower(table_schema) = 'public' and table_type in ('BASE TABLE', 'TABLE')")
                .query(String.class)
                .list();
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables) {
            counts.put(
                    table,
                    jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        assertThat(counts).containsKeys("org_unit", "session_study_session", "flyway_schema_history", "shedlock");
        return counts;
    }
}
