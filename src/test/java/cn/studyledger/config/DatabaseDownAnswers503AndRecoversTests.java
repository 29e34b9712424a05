package cn.studyledger.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.StudyLedgerApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database goes away under a running instance and comes back: meanwhile pages answer 503 with a clear
 * message, the API a 503 problem and the health check DOWN; afterwards the same signed-in user (the session is kept
 * in the database) gets the same page again, without restarting the application. Runs on its own embedded
 * PostgreSQL server, stopped and started again on the same port and data directory.
 */
class DatabaseDownAnswers503AndRecoversTests {

    static Path dataDirectory;
    static int port;
    static EmbeddedPostgres pg;
    static ConfigurableApplicationContext app;
    static final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static EmbeddedPostgres startServer() throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("timezone", "Asia/Shanghai")
                .setServerConfig("fsync", "off")
                .start();
    }

    @BeforeAll
    static void start() throws IOException {
        dataDirectory = Files.createTempDirectory("ledger-pg-down");
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        pg = startServer();
        app = new SpringApplicationBuilder(StudyLedgerApplication.class)
                .run(
                        "--spring.profiles.active=demo,test",
                        "--server.port=0",
                        "--spring.autoconfigure.exclude=",
                        "--spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.datasource.driver-class-name=org.postgresql.Driver",
                        "--spring.datasource.hikari.connection-timeout=2000");
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    static String base() {
        return "http://127.0.0.1:"
                + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
    }

    static String signIn(String username) throws Exception {
        HttpResponse<String> loginPage = get("/login", null);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + username + "&password=" + URLEncoder.encode("Demo@2025", StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", sessionCookie(loginPage))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        return sessionCookie(login);
    }

    @Test
    void pagesAndApiAnswer503WhileTheDatabaseIsDownAndRecoverWhenItReturns() throws Exception {
        String clerk = signIn("clerk");
        assertThat(get("/sessions", clerk).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", null).body()).contains("\"UP\"");
        HttpResponse<String> loginPage = get("/login", null);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();

        pg.close();

        // Someone signing in meanwhile is told the database is away, not that the password is wrong.
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", sessionCookie(loginPage))
                        .POST(HttpRequest.BodyPublishers.ofString("username=leader&password="
                                + URLEncoder.encode("Demo@2025", StandardCharsets.UTF_8) + "&_csrf="
                                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(503);
        assertThat(login.body()).contains("数据库暂时不可用，请稍后再试");

        HttpResponse<String> page = get("/sessions", clerk);
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("数据库暂时不可用，请稍后再试");

        HttpResponse<String> api = get("/api/v1/orgs/XJ/years/2025/figures", clerk);
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(api.body()).contains("\"status\":503").contains("数据库暂时不可用，请稍后再试");

        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"DOWN\"");

        pg = startServer();

        // The pool reconnects on its own; give it a few seconds after the server is back, without any restart.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (get("/actuator/health", null).statusCode() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        HttpResponse<String> again = get("/sessions", clerk);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("X局");
        assertThat(get("/api/v1/orgs/XJ/years/2025/figures", clerk).statusCode())
                .isEqualTo(200);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }
}
