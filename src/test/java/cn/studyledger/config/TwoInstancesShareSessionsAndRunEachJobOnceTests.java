package cn.studyledger.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.EmbeddedPostgresInitializer;
import cn.studyledger.StudyLedgerApplication;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances of the application on one PostgreSQL database, each with its own web server on loopback, as
 * behind a load balancer: a user signed in on one is signed in on the other (Spring Session JDBC), and the
 * nightly rule evaluation started on both at the same moment runs on one only (ShedLock).
 */
class TwoInstancesShareSessionsAndRunEachJobOnceTests {

    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;

    static final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTwoInstances() {
        String url = EmbeddedPostgresInitializer.newDatabase();
        // The first instance migrates the database and loads the demo; the second joins it without demo data.
        a = start(url, "demo,test");
        b = start(url, "test");
    }

    static ConfigurableApplicationContext start(String url, String profiles) {
        return new SpringApplicationBuilder(StudyLedgerApplication.class)
                .run(
                        "--spring.profiles.active=" + profiles,
                        "--server.port=0",
                        // the test profile keeps sessions in memory for MockMvc; here they belong in the database
                        "--spring.autoconfigure.exclude=",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.datasource.driver-class-name=org.postgresql.Driver");
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    static String base(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElse(null);
    }

    static HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aUserSignedInOnOneInstanceIsSignedInOnTheOther() throws Exception {
        HttpResponse<String> loginPage = get(base(a) + "/login", null);
        String anonymous = sessionCookie(loginPage);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(anonymous).isNotNull();
        assertThat(csrf.find()).isTrue();

        String form = "username=clerk&password=" + URLEncoder.encode("Demo@2025", StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create(base(a) + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", anonymous)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        String signedIn = sessionCookie(login);
        assertThat(signedIn).as("a new session id after login").isNotNull().isNotEqualTo(anonymous);

        HttpResponse<String> onB = get(base(b) + "/sessions", signedIn);
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("X局");
        HttpResponse<String> apiOnB = get(base(b) + "/api/v1/orgs/XJ/years/2025/figures", signedIn);
        assertThat(apiOnB.statusCode()).isEqualTo(200);

        // the id planted before login is worth nothing on either instance
        assertThat(get(base(b) + "/sessions", anonymous).statusCode()).isEqualTo(302);

        assertThat(JdbcClient.create(a.getBean(javax.sql.DataSource.class))
                        .sql("select count(*) from spring_session where principal_name = 'clerk'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(1L);
    }

    @Test
    void theNightlyEvaluationStartedOnBothInstancesRunsOnce() throws Exception {
        JdbcClient jdbc = JdbcClient.create(a.getBean(javax.sql.DataSource.class));
        long auditedBefore = jdbc.sql("select count(*) from common_audit_event where object_type = '规则检查'")
                .query(Long.class)
                .single();

        Object jobOnA = a.getBean("nightlyEvaluation");
        Object jobOnB = b.getBean("nightlyEvaluation");
        assertThat(AopUtils.isAopProxy(jobOnA))
                .as("the lock is applied by a proxy")
                .isTrue();
        Method nightly = AopUtils.getTargetClass(jobOnA).getDeclaredMethod("nightly");
        nightly.setAccessible(true);

        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Void> runA = CompletableFuture.runAsync(() -> invoke(nightly, jobOnA, go));
        CompletableFuture<Void> runB = CompletableFuture.runAsync(() -> invoke(nightly, jobOnB, go));
        go.countDown();
        CompletableFuture.allOf(runA, runB).get();

        long nightlyEvaluations = jdbc.sql("select count(*) from rules_evaluation where run_kind = 'NIGHTLY'")
                .query(Long.class)
                .single();
        long audited = jdbc.sql("select count(*) from common_audit_event where object_type = '规则检查'")
                .query(Long.class)
                .single();
        assertThat(nightlyEvaluations)
                .as("the job evaluated some organisations")
                .isPositive();
        assertThat(audited - auditedBefore)
                .as("one evaluation per organisation, not two")
                .isEqualTo(nightlyEvaluations);
        // Each evaluation row is created if absent (version 0) and then recorded once (1); a second run makes it 2.
        assertThat(jdbc.sql("select max(version) from rules_evaluation where run_kind = 'NIGHTLY'")
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(jdbc.sql("select count(*) from shedlock where name = 'rules-nightly'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        // a later start on the other instance within lockAtLeastFor is skipped too
        invoke(nightly, jobOnB, new CountDownLatch(0));
        assertThat(jdbc.sql("select count(*) from common_audit_event where object_type = '规则检查'")
                        .query(Long.class)
                        .single())
                .isEqualTo(audited);
    }

    private static void invoke(Method method, Object target, CountDownLatch go) {
        try {
            go.await();
            method.invoke(target);
        } catch (ReflectiveOperationException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
