package cn.studyledger.scale;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Fills an empty database with scale data, from Maven on the test classpath (the generator is not part of the
 * application):
 *
 * <pre>
 * ./mvnw -q test-compile exec:java@scale -Dexec.args="--bureaus=100 --units=20"
 * </pre>
 *
 * Options (all {@code --name=value}, positive numbers): {@code bureaus} (100), {@code units} per bureau (20),
 * {@code year} (2025), {@code seed} (1), {@code sessions} held per group (24) and self-study {@code entries} per
 * member (119); the database {@code url}, {@code user} and {@code password}, else the variables {@code DB_URL},
 * {@code DB_USER} and {@code DB_PASSWORD} (as the {@code prod} profile reads them), else a new H2 database under
 * {@code ./data/scale}. The database is migrated with the application's Flyway migrations first; a database that
 * already holds study records is refused. Prints the rows written per table, the time taken and, for H2, the
 * setting to start the application on it.
 */
public final class ScaleData {

    static final String DEFAULT_URL = "jdbc:h2:file:./data/scale/ledger;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;LOCK_TIMEOUT=10000";

    private static final Set<String> OPTIONS =
            Set.of("bureaus", "units", "year", "seed", "sessions", "entries", "url", "user", "password");

    private ScaleData() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        ScaleGenerator.Size size = new ScaleGenerator.Size(
                number(options, "bureaus", 100),
                number(options, "units", 20),
                number(options, "year", 2025),
                number(options, "seed", 1),
                number(options, "sessions", ScaleGenerator.SESSIONS_PER_YEAR),
                number(options, "entries", ScaleGenerator.ENTRIES_PER_MEMBER),
                true);
        String url = setting(options, "url", "DB_URL", DEFAULT_URL);
        boolean h2 = url.startsWith("jdbc:h2:");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                url,
                setting(options, "user", "DB_USER", h2 ? "sa" : "postgres"),
                setting(options, "password", "DB_PASSWORD", ""));

        long start = System.nanoTime();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        Map<String, Long> counts = new ScaleGenerator(
                        dataSource, PasswordEncoderFactories.createDelegatingPasswordEncoder())
                .generate(size);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        counts.forEach((table, rows) -> System.out.printf("%-28s %,12d%n", table, rows));
        System.out.printf("共写入 %,d 行（%,d 个组织），用时 %d 秒%n", total, size.organisations(), took.toSeconds());
        if (h2) {
            System.out.println("启动应用：java -jar target/study-ledger.jar '--spring.datasource.url=" + url + "'");
        }
        System.out.println("账号 scale-superior（省级上级党委）、scale-clerk（J001 学习秘书），口令 Demo@2025");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
            if (name == null || !OPTIONS.contains(name)) {
                throw new IllegalArgumentException("未知参数：" + arg + "（可用：--" + String.join("=…, --", OPTIONS) + "=…）");
            }
            options.put(name, arg.substring(eq + 1));
        }
        return options;
    }

    private static int number(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " 须为正整数：" + value, e);
        }
    }

    private static String setting(Map<String, String> options, String name, String variable, String fallback) {
        String value = options.get(name);
        if (value == null) {
            value = System.getenv(variable);
        }
        return value == null || value.isEmpty() ? fallback : value;
    }
}
