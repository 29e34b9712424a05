package cn.studyledger.concurrency;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One signed-in browser over real HTTP: its session cookie and CSRF token, sent with every request. */
final class HttpUser {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    final String username;
    private final String base;
    private String cookie;
    private String csrf;

    private HttpUser(String base, String username) {
        this.base = base;
        this.username = username;
    }

    static HttpUser signIn(int port, String username, String password) {
        HttpUser user = new HttpUser("http://localhost:" + port, username);
        HttpResponse<String> page = user.send(HttpRequest.newBuilder(user.uri("/login")));
        user.cookie = sessionCookie(page, null);
        String token = find(CSRF_FIELD, page.body());
        HttpResponse<String> login = user.send(HttpRequest.newBuilder(user.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        encode(Map.of("username", username, "password", password, "_csrf", token)))));
        if (login.statusCode() != 302
                || login.headers().firstValue("Location").orElse("").contains("/login")) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + login.statusCode());
        }
        user.cookie = sessionCookie(login, user.cookie);
        user.csrf = find(CSRF_META, user.get("/checkin").body());
        return user;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A page form, as the browser posts it. */
    HttpResponse<String> form(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
    }

    /** A JSON call of the API. */
    HttpResponse<String> json(String method, String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(60));
        if (cookie != null) {
            request.header("Cookie", "JSESSIONID=" + cookie);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + pattern);
        }
        return m.group(1);
    }

    private static String sessionCookie(HttpResponse<?> response, String otherwise) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';')))
                .findFirst()
                .orElse(otherwise);
    }
}
