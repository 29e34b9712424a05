package cn.studyledger.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.scale.ScaleGenerator;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 13, part 6: three superiors open the roll-up of a whole province (2,101 organisations: 1 province, 100
 * bureaus × 20 units, one session and one self-study entry per member each) at the same moment, while three clerks
 * click through ordinary pages. Every answer is a 200, each roll-up has the province's rows and totals, no request
 * waited for a pooled connection until Hikari gave up ({@code hikaricp.connections.timeout} stays 0), and none
 * waited for one at all: the roll-ups' statements hold at most the tally executor's threads (a third of the 10
 * connections), the six requests at most one each, 9 in all. (With the hand-made pools before, all 10 were in use
 * and requests queued for them.)
 *
 * <p>Its own application context and in-memory database (no demo profile, no shared data touched), closed after
 * the class; the database goes with its last connection.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:province-rollups;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000")
@ActiveProfiles("test")
@DirtiesContext
class ProvinceRollupsLeaveConnectionsForPagesTests {

    private static final int YEAR = 2025;
    private static final ScaleGenerator.Size PROVINCE = ScaleGenerator.Size.sparse(100, 20, YEAR, 13);
    private static final int SUPERIORS = 3;
    private static final int ROLLUPS_EACH = 1;
    private static final int CLERKS = 3;
    private static final long THINK_MS = 100;
    private static final List<String> PAGES = List.of("/", "/sessions", "/selfstudy", "/firsttopic", "/writings");
    private static final Pattern TOTAL_SESSIONS = Pattern.compile(
            "id=\"rollup-total\".*?data-key=\"sessions.collective\">\\s*<span>(\\d+)</span>", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("<tr data-org=\"");

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    MeterRegistry meters;

    @Autowired
    @Qualifier("tallyExecutor")
    ThreadPoolTaskExecutor tallyExecutor;

    @Test
    void threeProvinceRollupsAtOnceLeavePagesTheirConnections() throws Exception {
        long start = System.nanoTime();
        new ScaleGenerator(dataSource, passwords).generate(PROVINCE);
        long generated = System.nanoTime();

        List<HttpUser> superiors = new ArrayList<>();
        List<HttpUser> clerks = new ArrayList<>();
        for (int i = 0; i < SUPERIORS; i++) {
            superiors.add(working(HttpUser.signIn(port, "scale-superior", "Demo@2025"), ScaleGenerator.PROVINCE_CODE));
        }
        for (int i = 0; i < CLERKS; i++) {
            clerks.add(working(HttpUser.signIn(port, "scale-clerk", "Demo@2025"), "J001"));
        }
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
        int tallyThreads = tallyExecutor.getMaxPoolSize();
        assertThat(tallyThreads + SUPERIORS + CLERKS).isLessThan(hikari.getMaximumPoolSize());
        Counter timeouts = meters.find("hikaricp.connections.timeout").counter();
        assertThat(timeouts).as("Hikari's timeout counter").isNotNull();
        double timeoutsBefore = timeouts.count();

        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger pages = new AtomicInteger();
        AtomicInteger mostActive = new AtomicInteger();
        AtomicInteger mostAwaiting = new AtomicInteger();
        AtomicBoolean rollupsDone = new AtomicBoolean();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(SUPERIORS + CLERKS + 1);
        try {
            threads.submit(() -> {
                while (!rollupsDone.get()) {
                    mostActive.accumulateAndGet(pool.getActiveConnections(), Math::max);
                    mostAwaiting.accumulateAndGet(pool.getThreadsAwaitingConnection(), Math::max);
                    Thread.sleep(5);
                }
                return null;
            });
            for (HttpUser clerk : clerks) {
                threads.submit(() -> {
                    go.await();
                    for (int n = 0; !rollupsDone.get(); n++) {
                        String page = PAGES.get(n % PAGES.size());
                        HttpResponse<String> answer = clerk.get(page);
                        pages.incrementAndGet();
                        if (answer.statusCode() != 200) {
                            failures.add("GET " + page + " answered " + answer.statusCode());
                        }
                        Thread.sleep(THINK_MS); // a person reading the page, not a load generator
                    }
                    return null;
                });
            }
            List<Future<List<String>>> rollups = new ArrayList<>();
            for (HttpUser superior : superiors) {
                rollups.add(threads.submit(() -> {
                    go.await();
                    List<String> bodies = new ArrayList<>();
                    for (int n = 0; n < ROLLUPS_EACH; n++) {
                        HttpResponse<String> answer = superior.get("/rollup");
                        if (answer.statusCode() != 200) {
                            failures.add("GET /rollup answered " + answer.statusCode());
                        }
                        bodies.add(answer.body());
                    }
                    return bodies;
                }));
            }
            // Hikari opens its connections in the background after start: a request that comes first waits for one
            // being opened, not for one in use, which is not what this test measures
            long filling = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (pool.getTotalConnections() < hikari.getMinimumIdle() && System.nanoTime() < filling) {
                Thread.sleep(20);
            }
            assertThat(pool.getTotalConnections())
                    .as("the pool filled")
                    .isGreaterThanOrEqualTo(hikari.getMinimumIdle());
            go.countDown();
            List<String> bodies = new ArrayList<>();
            try {
                for (Future<List<String>> rollup : rollups) {
                    bodies.addAll(rollup.get(120, TimeUnit.SECONDS));
                }
            } finally {
                rollupsDone.set(true);
            }
            threads.shutdown();
            assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            assertThat(failures).as("answers other than 200").isEmpty();
            assertThat(timeouts.count() - timeoutsBefore)
                    .as("requests that waited for a connection until Hikari gave up")
                    .isZero();
            assertThat(mostAwaiting.get())
                    .as("requests that waited for a connection")
                    .isZero();
            assertThat(mostActive.get())
                    .as("connections in use at most")
                    .isLessThanOrEqualTo(tallyThreads + SUPERIORS + CLERKS);
            assertThat(pages.get()).as("pages served beside the roll-ups").isGreaterThan(0);
            assertThat(bodies).hasSize(SUPERIORS * ROLLUPS_EACH).allSatisfy(body -> {
                assertThat(ROW.matcher(body).results().count())
                        .as("the province's own row and one per bureau")
                        .isEqualTo(1 + PROVINCE.bureaus());
                Matcher total = TOTAL_SESSIONS.matcher(body);
                assertThat(total.find()).as("total of collective sessions").isTrue();
                assertThat(Long.parseLong(total.group(1)))
                        .isEqualTo((long) PROVINCE.organisations() * PROVINCE.sessionsPerYear());
            });
            System.out.printf(
                    "province roll-ups: generated %d organisations in %d ms, %d roll-ups beside %d pages in %d ms;"
                            + " at most %d of %d connections active, at most %d requests waiting for one%n",
                    PROVINCE.organisations(),
                    TimeUnit.NANOSECONDS.toMillis(generated - start),
                    bodies.size(),
                    pages.get(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - generated),
                    mostActive.get(),
                    pool.getTotalConnections(),
                    mostAwaiting.get());
        } finally {
            threads.shutdownNow();
        }
    }

    private static HttpUser working(HttpUser user, String orgCode) {
        HttpResponse<String> switched = user.form("/context", Map.of("orgCode", orgCode, "year", String.valueOf(YEAR)));
        assertThat(switched.statusCode())
                .as("working organisation of " + user.username)
                .isEqualTo(302);
        return user;
    }
}
