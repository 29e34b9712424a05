package cn.studyledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.EmbeddedPostgresInitializer;
import cn.studyledger.StudyLedgerApplication;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Two instances on one PostgreSQL database, 40 wrong passwords sent to both at once: the instances count
 * together in the database, exactly five failures, one lock, and the right password is then refused on both.
 * (Also proves the counting statements on PostgreSQL; the other lockout tests run on H2.)
 */
class LockoutAcrossTwoInstancesOnPostgresTests {

    static final String USER = "t_two_instances";
    static final String PASSWORD = "Right#2026pw";

    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static JdbcClient jdbc;

    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startTwoInstances() {
        String url = EmbeddedPostgresInitializer.newDatabase();
        a = start(url, "demo,test");
        b = start(url, "test");
        jdbc = JdbcClient.create(a.getBean(javax.sql.DataSource.class));
        TestAccounts.create(jdbc, a.getBean(PasswordEncoder.class), USER, PASSWORD, "MEMBER");
    }

    static ConfigurableApplicationContext start(String url, String profiles) {
        return new SpringApplicationBuilder(StudyLedgerApplication.class)
                .run(
                        "--spring.profiles.active=" + profiles,
                        "--server.port=0",
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

    /** Fetches a login form of its own from the instance and sends it there. */
    static CompletableFuture<HttpResponse<String>> login(ConfigurableApplicationContext instance, String password)
            throws Exception {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(base(instance) + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String body = "username=" + USER + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return http.sendAsync(
                HttpRequest.newBuilder(URI.create(base(instance) + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookie)
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static boolean refused(HttpResponse<String> r) {
        return r.statusCode() == 302
                && r.headers().firstValue("Location").orElse("").endsWith("/login?error");
    }

    @Test
    void wrongPasswordsOnBothInstancesAreCountedTogetherExactlyFiveTimes() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(login(i % 2 == 0 ? a : b, "wrong-" + i));
        }
        List<HttpResponse<String>> done =
                answers.stream().map(CompletableFuture::join).toList();

        assertThat(done)
                .allSatisfy(r ->
                        assertThat(refused(r)).as("status %d", r.statusCode()).isTrue());
        assertThat(TestAccounts.audited(jdbc, USER, "LOGIN_FAILED", "账号或密码错误")).isEqualTo(5);
        assertThat(jdbc.sql("select lock_count from org_account where username = ?")
                        .param(USER)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select locked_until from org_account where username = ?")
                        .param(USER)
                        .query(LocalDateTime.class)
                        .single())
                .isAfter(LocalDateTime.now().plusMinutes(14));
        assertThat(refused(login(a, PASSWORD).join())).isTrue();
        assertThat(refused(login(b, PASSWORD).join())).isTrue();
    }
}
