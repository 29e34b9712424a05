package cn.studyledger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test's Spring context at a real PostgreSQL: one embedded server (zonky) per JVM, started lazily on
 * first use and stopped by its shutdown hook, and a fresh database per Spring context, so each context gets
 * its own Flyway migration and demo data exactly like the H2 contexts do. Needs no external tool and never
 * skips: if PostgreSQL cannot start, the context fails and so does the test.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String USER = "postgres";

    /** Lazily started, once per JVM (holder idiom). */
    private static final class Server {
        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder()
                        .setServerConfig("timezone", "Asia/Shanghai")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
    }

    public static EmbeddedPostgres server() {
        return Server.INSTANCE;
    }

    /** Creates a fresh, empty database on the embedded server and returns its JDBC URL (user postgres). */
    public static String newDatabase() {
        EmbeddedPostgres pg = server();
        String database = "ledger_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create database " + database + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
        return pg.getJdbcUrl(USER, database);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "embeddedPostgres",
                        Map.of(
                                "spring.datasource.url",
                                newDatabase(),
                                "spring.datasource.username",
                                USER,
                                "spring.datasource.password",
                                "postgres",
                                "spring.datasource.driver-class-name",
                                "org.postgresql.Driver")));
    }
}
