package cn.studyledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.HttpIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP, where the servlet container's error dispatch runs (MockMvc has none): an unknown API path is a
 * problem detail, an upload over the container's request limit is a 413 with a message (problem detail or Chinese
 * page), never an empty body or Spring Boot's default JSON.
 */
@HttpIntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class ErrorAnswersOverHttpTests {

    /** Over spring.servlet.multipart.max-request-size (110 MB). */
    static final long TOO_LARGE = 112L * 1024 * 1024;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    String cookie;
    String csrf;

    @BeforeEach
    void signIn() throws Exception {
        HttpResponse<String> page = http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
        cookie = SessionFixationTests.sessionCookie(page);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        String form = "username=clerk&password=" + URLEncoder.encode("Demo@2025", StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(
                request("/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        cookie = SessionFixationTests.sessionCookie(login);
        HttpResponse<String> home = http.send(request("/people").build(), HttpResponse.BodyHandlers.ofString());
        Matcher meta =
                Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"").matcher(home.body());
        assertThat(meta.find()).as("a CSRF token on the page").isTrue();
        csrf = meta.group(1);
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return cookie == null ? builder : builder.header("Cookie", "JSESSIONID=" + cookie);
    }

    @Test
    void anUnknownApiPathIsAProblemDetail() throws Exception {
        HttpResponse<String> answer = http.send(
                request("/api/v1/orgs/XJ/nothing-here").header("Accept", "*/*").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(answer.body())
                .contains("https://studyledger.cn/problems/not-found", "不存在")
                .doesNotContain("timestamp");
    }

    @Test
    void anUnknownPageIsTheChinesePage() throws Exception {
        HttpResponse<String> answer = http.send(
                request("/nothing-here").header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(answer.body()).contains("您访问的页面或接口不存在").doesNotContain("timestamp");
    }

    @Test
    void anUploadOverTheRequestLimitIsA413WithAMessage() throws Exception {
        HttpResponse<String> api = http.send(upload("/api/v1/orgs/XJ/library"), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.body()).contains("超过大小上限");

        HttpResponse<String> page = http.send(upload("/people/import"), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("超过大小上限");
    }

    private HttpRequest upload(String path) {
        String boundary = "----ledger-413";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        return request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new SequenceInputStream(new ByteArrayInputStream(head), zeros(TOO_LARGE)),
                        new ByteArrayInputStream(tail))))
                .build();
    }

    private static InputStream zeros(long length) {
        return new InputStream() {
            long left = length;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(count, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }
}
