package cn.studyledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.StudyLedgerApplication;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2.8 MB .xlsx with the right header and 20 million tiny rows, posted by the clerk to the people import of a
 * server running in its own JVM with a 256 MB heap: refused with the row limit in seconds while /actuator/health
 * keeps answering UP, and the server is alive afterwards (before the streaming reader the heap filled and the
 * server stopped answering).
 */
class HostileSpreadsheetTests {

    static final List<String> PEOPLE_HEADER = List.of("姓名", "职务", "出生日期", "青年干部", "专家学者");

    @TempDir
    static Path dir;

    static Process server;
    static int port;

    @BeforeAll
    static void startServerWithASmallHeap() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-XX:+ExitOnOutOfMemoryError",
                        // a quicker start on a busy machine; the limits under test do not depend on the JIT
                        "-XX:TieredStopAtLevel=1",
                        "-Djava.io.tmpdir=" + dir,
                        "-Duser.timezone=Asia/Shanghai",
                        "-Dfile.encoding=UTF-8",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StudyLedgerApplication.class.getName(),
                        "--spring.profiles.active=demo,test",
                        "--server.port=" + port,
                        "--ledger.files.dir=" + dir.resolve("files"),
                        "--spring.datasource.url=jdbc:h2:mem:hostile-" + UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile())
                .start();
        // also when the test JVM is stopped before @AfterAll runs
        Runtime.getRuntime().addShutdownHook(new Thread(server::destroyForcibly));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!health().equals("UP")) {
            assertThat(server.isAlive()).as(log()).isTrue();
            assertThat(System.nanoTime()).as("server not up in 180 s\n" + log()).isLessThan(until);
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void twentyMillionRowsAreRefusedInSecondsWhileTheServerKeepsAnswering() throws Exception {
        byte[] bomb = HostileSpreadsheets.manyRows(PEOPLE_HEADER, 20_000_000);
        assertThat(bomb.length).isLessThan(4 * 1024 * 1024);

        HttpClient clerk = signedIn("clerk");
        String form = clerk.send(get("/people/import?org=XJ"), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as(form).isTrue();

        AtomicBoolean importing = new AtomicBoolean(true);
        CompletableFuture<List<String>> healthWhileImporting = CompletableFuture.supplyAsync(() -> {
            List<String> answers = new ArrayList<>();
            while (importing.get()) {
                answers.add(health());
                sleep(200);
            }
            return answers;
        });

        String boundary = "----bomb" + UUID.randomUUID();
        long start = System.nanoTime();
        HttpResponse<String> refused = clerk.send(
                HttpRequest.newBuilder(uri("/people/import?org=XJ"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("X-CSRF-TOKEN", csrf.group(1))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, bomb)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        importing.set(false);

        assertThat(refused.body()).as(log()).contains("导入失败，未保存任何数据", "表格超过 5000 行上限（不含表头），请分批导入");
        assertThat(took).isLessThan(Duration.ofSeconds(15));
        assertThat(healthWhileImporting.get(30, TimeUnit.SECONDS)).isNotEmpty().containsOnly("UP");
        assertThat(server.isAlive()).isTrue();
        assertThat(health()).isEqualTo("UP");
        // nothing of the 20 million rows was saved: the list of X局's people has no 甲
        String people = clerk.send(get("/people?org=XJ&q=%E7%94%B2"), HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(people).doesNotContain(">甲<");
    }

    static HttpClient signedIn(String username) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String page =
                http.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + username + "&password=" + URLEncoder.encode("Demo@2025", StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return http;
    }

    static byte[] multipart(String boundary, byte[] file) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.xlsx\"\r\n"
                        + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(file);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The status /actuator/health reports, or what went wrong asking (a timeout of 5 s counts as not answering). */
    static String health() {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(uri("/actuator/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return answer.body().contains("\"UP\"") ? "UP" : answer.statusCode() + " " + answer.body();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    static HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build();
    }

    static URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String log() {
        try {
            String log = Files.readString(dir.resolve("server.log"));
            return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
        } catch (IOException e) {
            return e.toString();
        }
    }
}
