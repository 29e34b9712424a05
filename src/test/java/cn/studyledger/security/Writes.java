package cn.studyledger.security;

import static cn.studyledger.Logins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.studyledger.security.EndpointCatalogue.Endpoint;
import cn.studyledger.security.EndpointCatalogue.Rule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.ModelAndView;

/**
 * Sends a write endpoint as a given user with plausible input, inside a transaction that is rolled back whatever
 * happens, and reports what it answered and what it left while the transaction was open: audit lines, rows of
 * {@code common_stored_file} and files in the files folder. Shared by the upload-attack and audit tests.
 */
final class Writes {

    /** The order in which allowed users are tried: the role that usually makes the change first. */
    static final List<String> PREFERRED =
            List.of("clerk", "leader", "member", "admin", "observer", "superior", "secadmin", "auditor", "unitclerk");

    /** A tiny but real PDF: the file store recognises it by its first bytes. */
    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    /** What one request answered, and what it added while its transaction was open. */
    record Sent(
            Endpoint endpoint,
            String user,
            int status,
            String redirect,
            String body,
            boolean flashError,
            String modelError,
            boolean rolledBack,
            long auditLines,
            long storedFiles,
            Set<String> newFiles,
            List<Map<String, Object>> newStoredRows) {

        boolean toLogin() {
            return status / 100 == 3 && redirect != null && redirect.matches("(.*//[^/]+)?/login(\\?.*)?");
        }

        /** A change that went through: 2xx (a page without an error shown) or a redirect onwards without error. */
        boolean succeeded() {
            if (rolledBack) {
                return false; // the service's transaction failed: in production nothing of it stays
            }
            if (status / 100 == 3) {
                return !toLogin() && !flashError;
            }
            if (status / 100 != 2) {
                return false;
            }
            return endpoint.api()
                    || (modelError == null && !body.contains("alert alert-danger") && !body.contains("is-invalid"));
        }

        /** Whether the answer says {@code expected} (problem detail, error page or form error). */
        boolean says(String expected) {
            return body.contains(expected) || message().contains(expected);
        }

        /** The first line of Chinese text of an error answer (problem detail or the page's alert), for reports. */
        String message() {
            java.util.regex.Matcher detail =
                    java.util.regex.Pattern.compile("\"detail\":\"([^\"]*)\"").matcher(body);
            if (detail.find()) {
                return detail.group(1);
            }
            if (modelError != null) {
                return modelError;
            }
            java.util.regex.Matcher alert = java.util.regex.Pattern.compile(
                            "class=\"(?:alert alert-danger[^\"]*|invalid-feedback[^\"]*)\"[^>]*>\\s*([^<]+)")
                    .matcher(body);
            return alert.find() ? alert.group(1).trim() : "";
        }

        String summary() {
            String message = message();
            return endpoint.key() + " as " + user + " → " + status
                    + (redirect != null ? " " + redirect : "")
                    + (message.isEmpty()
                            ? ""
                            : " 「" + (message.length() > 80 ? message.substring(0, 80) : message) + "」");
        }
    }

    private final MockMvc mvc;
    private final UserDetailsService accounts;
    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;
    private final Path filesDir;

    Writes(
            MockMvc mvc,
            UserDetailsService accounts,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Path filesDir) {
        this.mvc = mvc;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.filesDir = filesDir;
    }

    /** The users the rule lets through, most likely maker of the change first. */
    static List<String> candidates(Rule rule) {
        return PREFERRED.stream().filter(rule::allows).toList();
    }

    /**
     * The sample parameters with the values a real editor would send: the version of the record the URL names
     * (optimistic locking), X局 and 2025 as organisation and year.
     */
    Map<String, String> params(Endpoint endpoint, DemoRecords.Filled filled) {
        Map<String, String> params = new LinkedHashMap<>(endpoint.params());
        if (params.containsKey("version") && filled.table() != null && filled.id() != null) {
            try {
                jdbc.sql("select version from " + filled.table() + " where id = :id")
                        .param("id", Long.valueOf(filled.id()))
                        .query(Long.class)
                        .optional()
                        .ifPresent(v -> params.put("version", v.toString()));
            } catch (RuntimeException noVersionColumn) {
                // a table without a version column: keep the sample value
            }
        }
        params.computeIfPresent("year", (k, v) -> "2025");
        params.computeIfPresent("org", (k, v) -> "XJ");
        params.computeIfPresent("orgCode", (k, v) -> "XJ");
        return params;
    }

    /**
     * Sends the request as {@code user} in a transaction that is rolled back afterwards. {@code files} adds file
     * parts to a multipart request (ignored otherwise).
     */
    Sent send(
            Endpoint endpoint,
            String url,
            String user,
            Map<String, String> params,
            String body,
            Consumer<MockMultipartHttpServletRequestBuilder> files) {
        AbstractMockHttpServletRequestBuilder<?> request;
        if (endpoint.multipart()) {
            MockMultipartHttpServletRequestBuilder builder = multipart(HttpMethod.valueOf(endpoint.method()), url);
            endpoint.jsonParts()
                    .forEach((name, json) -> builder.file(new MockMultipartFile(
                            name, "", MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8))));
            if (files != null) {
                files.accept(builder);
            }
            request = builder;
        } else {
            request = request(HttpMethod.valueOf(endpoint.method()), url);
            if (endpoint.api()) {
                request.contentType(MediaType.APPLICATION_JSON).content(body);
            }
        }
        params.forEach(request::param);
        request.with(csrf()).with(as(accounts, user));
        AbstractMockHttpServletRequestBuilder<?> ready = request;
        TransactionTemplate rollback = new TransactionTemplate(transactions);
        return rollback.execute(status -> {
            long audits = count("common_audit_event");
            long stored = count("common_stored_file");
            long lastId = jdbc.sql("select coalesce(max(id), 0) from common_stored_file")
                    .query(Long.class)
                    .single();
            Set<String> before = files();
            int code;
            String redirect = null;
            String text = "";
            boolean flashError = false;
            String modelError = null;
            try {
                MvcResult result = mvc.perform(ready).andReturn();
                MockHttpServletResponse response = result.getResponse();
                code = response.getStatus();
                redirect = response.getRedirectedUrl();
                text = response.getContentAsString(StandardCharsets.UTF_8);
                flashError = result.getFlashMap().keySet().stream().anyMatch(k -> k.endsWith("Error"));
                modelError = modelError(result.getModelAndView());
            } catch (Exception e) {
                code = 500; // an exception no handler turned into a response
                text = String.valueOf(e.getMessage());
            }
            // a participating service transaction that failed marks the whole transaction rollback-only
            boolean rolledBack = ((DefaultTransactionStatus) status).isGlobalRollbackOnly();
            Set<String> added = files();
            added.removeAll(before);
            status.setRollbackOnly();
            return new Sent(
                    endpoint,
                    user,
                    code,
                    redirect,
                    text,
                    flashError,
                    modelError,
                    rolledBack,
                    count("common_audit_event") - audits,
                    count("common_stored_file") - stored,
                    added,
                    jdbc.sql("select stored_name, original_name from common_stored_file where id > :id")
                            .param("id", lastId)
                            .query()
                            .listOfRows());
        });
    }

    /** The error a page shows: the error page's message, a form error attribute or a field error. */
    private static String modelError(ModelAndView view) {
        if (view == null) {
            return null;
        }
        if ("error".equals(view.getViewName())) {
            return String.valueOf(view.getModel().get("message"));
        }
        for (Map.Entry<String, Object> entry : view.getModel().entrySet()) {
            if (entry.getValue() instanceof BindingResult binding && binding.hasErrors()) {
                return binding.getAllErrors().get(0).getDefaultMessage();
            }
            if (entry.getKey().toLowerCase(java.util.Locale.ROOT).endsWith("error")
                    && entry.getValue() instanceof String text
                    && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** Everything under the files folder (relative names), so a file written anywhere below it shows. */
    Set<String> files() {
        Set<String> names = new TreeSet<>();
        if (!Files.exists(filesDir)) {
            return names;
        }
        try (Stream<Path> all = Files.walk(filesDir)) {
            all.filter(Files::isRegularFile)
                    .forEach(p -> names.add(filesDir.relativize(p).toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
