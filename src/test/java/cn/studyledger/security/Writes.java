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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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
                // a changed password signs the user out: to the login page, saying so
                return (!toLogin() || redirect.contains("?changed")) && !flashError;
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
                java.util.regex.Matcher field = java.util.regex.Pattern.compile(
                                "\"message\":\"([^\"]*)\",\"field\":\"([^\"]*)\"")
                        .matcher(body);
                StringBuilder fields = new StringBuilder();
                while (field.find()) {
                    fields.append(' ').append(field.group(2)).append(": ").append(field.group(1));
                }
                return detail.group(1) + fields;
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
                            : " 「" + (message.length() > 160 ? message.substring(0, 160) : message) + "」");
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
     * Input an allowed user would really send (for the audit test): besides {@link #params}, the people, sessions,
     * numbers, links and codes that the sample values (0, "越权测试") leave invalid, chosen by field name among
     * X局's 2025 records; list fields of a form get one value.
     */
    Map<String, String> validParams(Endpoint endpoint, DemoRecords.Filled filled) {
        Map<String, String> params = params(endpoint, filled);
        for (String list : endpoint.listFields()) {
            if (list.toLowerCase(Locale.ROOT).endsWith("ids")) {
                params.putIfAbsent(list, "0"); // a list of ids: one id, replaced below
            }
        }
        params.replaceAll((name, sample) -> {
            String value = valid(endpoint, name, sample);
            return value == null ? sample : value;
        });
        return params;
    }

    /** The JSON body with the same replacements as {@link #validParams}, at any depth. */
    String validBody(Endpoint endpoint, String json) {
        if (json == null || json.isBlank() || !json.startsWith("{")) {
            return json;
        }
        JsonNode root = JSON.readTree(json);
        fix(endpoint, root);
        return JSON.writeValueAsString(root);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private void fix(Endpoint endpoint, JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value instanceof ObjectNode) {
                fix(endpoint, value);
            } else if (value instanceof ArrayNode array) {
                String one = valid(endpoint, name, "0");
                if (array.isEmpty()
                        && one != null
                        && name.toLowerCase(Locale.ROOT).endsWith("ids")) {
                    array.add(Long.parseLong(one));
                }
            } else if (value.isNumber() || value.isString()) {
                String replaced = valid(endpoint, name, value.asString());
                if (replaced != null) {
                    if (value.isNumber()) {
                        object.put(name, new java.math.BigDecimal(replaced));
                    } else {
                        object.put(name, replaced);
                    }
                }
            }
        }
    }

    private static final java.util.regex.Pattern PERSON = java.util.regex.Pattern.compile(
            "(?i).*(person|author|judge|observer|owner|lead|leader|host|presider|recorder|lecturer|proposer"
                    + "|responsible|speaker|member|participant)s?(id|ids)?");

    private final Map<String, String> lookups = new java.util.HashMap<>();

    private String lookUp(String sql) {
        return lookups.computeIfAbsent(
                sql,
                q -> jdbc.sql(q).query((rs, n) -> rs.getString(1)).list().stream()
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null));
    }

    /** A valid value for a field of this name, or null to keep the sample value. */
    private String valid(Endpoint endpoint, String name, String sample) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean number = sample != null && sample.matches("-?\\d+(\\.\\d+)?");
        String xj = "(select id from org_unit where code = 'XJ')";
        if (number && lower.contains("lecturer")) {
            return lookUp("select min(id) from org_person where org_id = " + xj + " and expert = true");
        }
        if (number && (PERSON.matcher(name).matches() || lower.equals("personid"))) {
            boolean youth = endpoint.pattern().contains("group")
                    || endpoint.pattern().contains("youth")
                    || endpoint.pattern().endsWith("/attendees");
            return youth
                    ? lookUp("select min(p.id) from org_person p where p.org_id = " + xj
                            + " and p.youth_cadre = true and p.active = true")
                    : lookUp("select person_id from org_account where username = 'member'");
        }
        if (number && (lower.equals("sessionid") || lower.equals("studyid"))) {
            return lookUp("select min(id) from session_study_session where org_id = " + xj
                    + " and extract(year from session_date) = 2025");
        }
        if (number && (lower.equals("unitorgid") || lower.equals("orgid"))) {
            return lookUp("select id from org_unit where code = 'XJ-02'");
        }
        if (number && (lower.contains("issueno") || lower.equals("number") || lower.equals("no"))) {
            return "97"; // an issue number the demo data does not use
        }
        if (lower.equals("unitcode")) {
            return "XJ-02";
        }
        if (number && lower.equals("year")) {
            return "2025";
        }
        if (number && lower.equals("month")) {
            return "6";
        }
        if (number && sample.matches("0(\\.0)?") && !lower.endsWith("id") && !lower.equals("version")) {
            return "3";
        }
        if (lower.contains("url") || lower.contains("link")) {
            return "https://www.example.cn/study";
        }
        if (lower.equals("username")) {
            return "audit_probe";
        }
        if (lower.equals("code")) {
            return "AUDIT-PROBE";
        }
        if (lower.contains("password")) {
            return lower.contains("current") || lower.contains("old") ? "Demo@2025" : "Audit@2026Probe!";
        }
        return null;
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
        return send(endpoint, url, user, params, body, files, null);
    }

    /** As above; {@code prepare} (a page, may be null) is opened by the clerk first, in the same transaction. */
    Sent send(
            Endpoint endpoint,
            String url,
            String user,
            Map<String, String> params,
            String body,
            Consumer<MockMultipartHttpServletRequestBuilder> files,
            String prepare) {
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
        request.with(csrf().asHeader()).with(as(accounts, user));
        AbstractMockHttpServletRequestBuilder<?> ready = request;
        TransactionTemplate rollback = new TransactionTemplate(transactions);
        return rollback.execute(status -> {
            if (prepare != null) {
                try {
                    // the clerk opens it: only the clerk's opening creates what is missing
                    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(prepare)
                            .with(as(accounts, "clerk")));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
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
