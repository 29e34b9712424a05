package cn.studyledger.scale;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar study-ledger.jar scale [--bureaus=100] [--units=20] [--year=2025] [--seed=1]}: fills the
 * configured (empty) database with scale data and prints the rows per table and the time taken. See
 * docs/benchmarks.md for running it against PostgreSQL.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ScaleCli implements ApplicationRunner {

    public static final String COMMAND = "scale";

    private final ScaleGenerator generator;

    ScaleCli(ScaleGenerator generator) {
        this.generator = generator;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        if (!args.getNonOptionArgs().contains(COMMAND)) {
            return;
        }
        ScaleGenerator.Size size = new ScaleGenerator.Size(
                option(args, "bureaus", 100),
                option(args, "units", 20),
                option(args, "year", 2025),
                option(args, "seed", 1));
        Instant start = Instant.now();
        Map<String, Long> counts = generator.generate(size);
        Duration took = Duration.between(start, Instant.now());
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        counts.forEach((table, rows) -> System.out.printf("%-28s %,12d%n", table, rows));
        System.out.printf("共写入 %,d 行，用时 %d 秒%n", total, took.toSeconds());
    }

    private static int option(ApplicationArguments args, String name, int fallback) {
        List<String> values = args.getOptionValues(name);
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(values.get(0));
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " 须为正整数：" + values.get(0), e);
        }
    }
}
