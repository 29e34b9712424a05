package cn.studyledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.HttpIntegrationTest;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-ins of one account in parallel over real HTTP: the lockout cannot be raced, and parallel right passwords
 * all get in. (The test profile sets the address throttle out of reach: all requests come from 127.0.0.1; it has its
 * own test, {@link AddressThrottleTests}.)
 */
@HttpIntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class LoginRaceTests {

    static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A name of its own per test: audit lines of an earlier test of the same name stay in the log. */
    final String USER = "t_race_" + System.nanoTime() % 1_000_000 + "_" + SEQUENCE.incrementAndGet();

    static final String PASSWORD = "Right#2026pw";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void createAccount() {
        TestAccounts.create(jdbc, encoder, USER, PASSWORD, "MEMBER");
    }

    @AfterEach
    void removeAccount() {
        TestAccounts.delete(jdbc, USER);
    }

    /** A login form of its own: session cookie and CSRF token. */
    record Form(String cookie, String csrf) {}

    Form form() throws Exception {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        return new Form(cookie, csrf.group(1));
    }

    CompletableFuture<HttpResponse<String>> login(Form form, String password) {
        String body = "username=" + USER + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(form.csrf(), StandardCharsets.UTF_8);
        return http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", form.cookie())
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    List<Form> forms(int n) throws Exception {
        List<Form> forms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            forms.add(form());
        }
        return forms;
    }

    static boolean signedIn(HttpResponse<String> r) {
        return r.statusCode() == 302
                && r.headers().firstValue("Location").orElse("").endsWith("/")
                && !r.headers().firstValue("Location").orElse("").contains("/login");
    }

    static boolean refused(HttpResponse<String> r) {
        return r.statusCode() == 302
                && r.headers().firstValue("Location").orElse("").endsWith("/login?error");
    }

    long counted() {
        return TestAccounts.audited(jdbc, USER, "LOGIN_FAILED", "账号或密码错误");
    }

    @Test
    void fortyParallelWrongPasswordsAreAllRefusedAndExactlyFiveAreCounted() throws Exception {
        List<Form> forms = forms(40);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(login(forms.get(i), "wrong-" + i));
        }
        List<HttpResponse<String>> done =
                answers.stream().map(CompletableFuture::join).toList();

        assertThat(done)
                .allSatisfy(r -> assertThat(refused(r))
                        .as("status %d, %s", r.statusCode(), r.headers().firstValue("Location"))
                        .isTrue());
        assertThat(counted()).isEqualTo(5);
        assertThat(TestAccounts.audited(jdbc, USER, "LOGIN_FAILED", "")).isEqualTo(40);
        assertThat(jdbc.sql("select locked_until from org_account where username = ?")
                        .param(USER)
                        .query(LocalDateTime.class)
                        .single())
                .isAfter(LocalDateTime.now().plusMinutes(14));
    }

    @Test
    void theRightPasswordAtTheEndOfABurstOfWrongOnesDoesNotSignIn() throws Exception {
        List<Form> forms = forms(40);
        List<CompletableFuture<HttpResponse<String>>> wrong = new ArrayList<>();
        for (int i = 0; i < 39; i++) {
            wrong.add(login(forms.get(i), "wrong-" + i));
        }
        // the burst is under way: the first guesses are being checked, the others still wait or run
        long deadline = System.currentTimeMillis() + 30_000;
        while (counted() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        assertThat(wrong).anyMatch(f -> !f.isDone());
        HttpResponse<String> right = login(forms.get(39), PASSWORD).join();
        List<HttpResponse<String>> done =
                wrong.stream().map(CompletableFuture::join).toList();

        assertThat(signedIn(right))
                .as("the right password in the burst signed in")
                .isFalse();
        assertThat(refused(right)).isTrue();
        assertThat(done).allSatisfy(r -> assertThat(refused(r)).isTrue());
        assertThat(counted()).isEqualTo(5);
    }

    @Test
    void fifteenSimultaneousSignInsOfOneAccountAllSucceed() throws Exception {
        List<Form> forms = forms(15);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (Form form : forms) {
            answers.add(login(form, PASSWORD));
        }
        List<HttpResponse<String>> done =
                answers.stream().map(CompletableFuture::join).toList();

        assertThat(done)
                .allSatisfy(r -> assertThat(signedIn(r))
                        .as("status %d, %s", r.statusCode(), r.headers().firstValue("Location"))
                        .isTrue());
        assertThat(TestAccounts.audited(jdbc, USER, "LOGIN", "")).isEqualTo(15);
        assertThat(jdbc.sql("select failed_attempts from org_account where username = ?")
                        .param(USER)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
