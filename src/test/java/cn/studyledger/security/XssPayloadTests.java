package cn.studyledger.security;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import cn.studyledger.security.EndpointCatalogue.Endpoint;
import cn.studyledger.security.EndpointCatalogue.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * XSS payloads in every text field render inert. Every write endpoint of the catalogue that takes text (form
 * fields and request parameters of the pages, JSON bodies of the API) is sent, by a user the rule table lets
 * through, with every text field set to a script payload carrying a marker unique to that field. Then every
 * page of the catalogue (filled with X局's records), and every page a write redirected to, is read: no HTML
 * answer may contain the payload unescaped, every page carries a CSP without {@code 'unsafe-inline'} scripts,
 * and every API answer is JSON (or a file), never HTML. All of it runs in one transaction that is rolled back.
 *
 * <p>The suite counts what it exercised: the payload must have been stored and shown (escaped) for many fields
 * on many pages, so a suite whose writes all fail validation fails instead of passing silently.
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class XssPayloadTests {

    /**
     * A break-out of a quoted attribute into a script element, then (for fields too short for it, or refused) a
     * short one into a harmless element: either one showing unescaped is an injection.
     */
    static final List<String> PAYLOADS = List.of("\"'><script>xss1()</script>", "'\"><i>");

    static final List<String> RAW = List.of("<script>xss1()", "<i>xssm");

    private static final Pattern MARKER = Pattern.compile("xssm(\\d{4})q");

    /** Users who send a write or read a page, best first: the ones whose pages show the most. */
    private static final List<String> PREFERRED =
            List.of("clerk", "leader", "member", "superior", "unitclerk", "admin", "secadmin", "auditor", "observer");

    /**
     * Template constructs that write text unescaped; each use must be listed here with the reason it is safe
     * ({@code template path: the construct}). None is used today.
     */
    static final Set<String> UNESCAPED_ALLOWED = Set.of();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    List<Endpoint> endpoints;
    Map<String, Rule> rules;
    long memberPerson;

    @BeforeEach
    void readEndpointsAndRules() throws Exception {
        endpoints = EndpointCatalogue.endpoints(mapping);
        rules = new LinkedHashMap<>();
        EndpointCatalogue.byKey(EndpointCatalogue.rules()).forEach((key, list) -> rules.put(key, list.get(0)));
        memberPerson = jdbc.sql("select person_id from org_account where username = 'member'")
                .query(Long.class)
                .single();
    }

    @Test
    void scriptPayloadsInEveryTextFieldRenderInertOnEveryPage() throws Exception {
        // Read the pages once before: a first read may write in a transaction of its own (the rules' first
        // evaluation of a year), which would wait for the rows the rolled-back writes below hold.
        Report warmUp = new Report();
        readCatalogue(warmUp, new DemoRecords(jdbc), false);
        assertThat(warmUp.problems).isEmpty();
        TransactionTemplate rollback = new TransactionTemplate(transactions);
        Report report = rollback.execute(status -> {
            status.setRollbackOnly();
            try {
                return sendPayloadsAndReadPages();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        System.out.println("[xss] " + report.summary());
        // the writes no payload got through (business state, validation of other fields): input to improve
        Path refused = Path.of("target/security/xss-refused-writes.txt");
        Files.createDirectories(refused.getParent());
        Files.write(refused, report.refused);
        assertThat(report.problems).isEmpty();
        // A suite that exercises nothing must fail: many fields sent, many stored and shown escaped on many pages.
        assertThat(report.fieldsSent).as("text fields sent").isGreaterThan(400);
        assertThat(report.endpointsAccepted)
                .as("write endpoints that stored text")
                .hasSizeGreaterThan(15);
        assertThat(report.markersShown)
                .as("fields whose payload was shown (escaped) on a page")
                .isGreaterThan(150);
        assertThat(report.pagesShowingPayload)
                .as("pages showing a payload (escaped)")
                .isGreaterThan(100);
        assertThat(report.htmlPagesRead).as("HTML pages read").isGreaterThan(200);
        assertThat(report.apiReads).as("API answers read").isGreaterThan(150);
    }

    @Test
    void templatesNeverWriteUnescapedText() throws IOException {
        Path root = Path.of("src/main/resources/templates");
        Pattern unescaped = Pattern.compile("th:utext|data-th-utext|\\[\\(|th:inline=\"javascript\"");
        List<String> found = new ArrayList<>();
        int templates = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                templates++;
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher matcher = unescaped.matcher(text);
                while (matcher.find()) {
                    String use = root.relativize(file).toString().replace('\\', '/') + ": " + matcher.group();
                    if (!UNESCAPED_ALLOWED.contains(use)) {
                        found.add(use);
                    }
                }
            }
        }
        assertThat(templates).as("templates checked").isGreaterThan(50);
        assertThat(found)
                .as("unescaped output (th:utext, [(...)], inline JavaScript) outside the allow-list")
                .isEmpty();
    }

    /** What the suite did and found. */
    static final class Report {
        final List<String> problems = new ArrayList<>();
        final Map<String, String> markers = new LinkedHashMap<>();
        final Set<String> shown = new TreeSet<>();
        final Set<String> endpointsAccepted = new TreeSet<>();
        final List<String> refused = new ArrayList<>();
        final Set<String> endpointsWithText = new TreeSet<>();
        int fieldsSent;
        int writesSent;
        int writesAccepted;
        int htmlPagesRead;
        int apiReads;
        int pagesShowingPayload;
        int markersShown;

        String summary() {
            return "write endpoints taking text=" + endpointsWithText.size() + " writes sent=" + writesSent
                    + " accepted=" + writesAccepted + " endpoints accepting text="
                    + endpointsAccepted.size() + " text fields sent=" + fieldsSent
                    + " HTML pages read=" + htmlPagesRead + " API reads=" + apiReads + " pages showing payload="
                    + pagesShowingPayload + " fields shown=" + markersShown + " problems=" + problems.size();
        }
    }

    private Report sendPayloadsAndReadPages() throws Exception {
        Report report = new Report();
        DemoRecords records = new DemoRecords(jdbc);
        Set<String> followUps = new LinkedHashSet<>();
        for (Endpoint endpoint : endpoints) {
            Rule rule = rules.get(endpoint.key());
            String user = writer(rule);
            if (!endpoint.write() || user == null) {
                continue;
            }
            String url = records.fill(endpoint.pattern()).url();
            int version = 0;
            for (int p = 0; p < PAYLOADS.size(); ) {
                String payload = PAYLOADS.get(p);
                int expected = version;
                Map<String, String> fields = new LinkedHashMap<>();
                SampleInput.Chosen input =
                        (name, type) -> chosen(report, payload, expected, endpoint, name, type, fields);
                Map<String, String> params = SampleInput.allParams(endpoint.handlerMethod(), input);
                String body = SampleInput.body(endpoint.handlerMethod(), input);
                if (fields.isEmpty()) {
                    break; // takes no text
                }
                report.endpointsWithText.add(endpoint.key());
                AbstractMockHttpServletRequestBuilder<?> request = endpoint.multipart()
                        ? multipart(HttpMethod.valueOf(endpoint.method()), url)
                        : request(HttpMethod.valueOf(endpoint.method()), url);
                if (SampleInput.takesBody(endpoint.handlerMethod()) && !endpoint.multipart()) {
                    request.contentType(MediaType.APPLICATION_JSON).content(body);
                }
                params.forEach(request::param);
                request.with(csrf().asHeader()).with(as(accounts, user));
                report.writesSent++;
                report.fieldsSent += fields.size();
                MockHttpServletResponse response = perform(request);
                int status = response.getStatus();
                check(report, endpoint.key() + " (answer to " + user + ")", endpoint.api(), response);
                if (status / 100 == 3 && response.getRedirectedUrl() != null) {
                    followUps.add(user + " " + response.getRedirectedUrl());
                }
                // a page form answered 200 is the form again, with errors
                boolean accepted = status / 100 == 3 || (endpoint.api() && status / 100 == 2);
                if (accepted) {
                    report.writesAccepted++;
                    report.endpointsAccepted.add(endpoint.key());
                    break;
                }
                if (status == 409 && version < 4) {
                    version++; // the record's version is not known here: try the next one
                    continue;
                }
                if (p == PAYLOADS.size() - 1) {
                    String why = endpoint.api() ? response.getContentAsString(StandardCharsets.UTF_8) : "";
                    report.refused.add(endpoint.key() + " " + status + " "
                            + why.substring(Math.max(0, why.indexOf("\"detail\"")), Math.min(why.length(), 300)));
                }
                p++;
            }
        }
        // Read every page of the catalogue (and every page a write redirected to) as a user who may see it.
        readCatalogue(report, new DemoRecords(jdbc), true);
        for (String followUp : followUps) {
            String user = followUp.substring(0, followUp.indexOf(' '));
            String url = followUp.substring(followUp.indexOf(' ') + 1);
            if (url.startsWith("http") || url.contains("/login")) {
                continue;
            }
            check(
                    report,
                    "GET " + url + " (redirect, read by " + user + ")",
                    false,
                    perform(get(url).with(as(accounts, user))));
        }
        report.markersShown = report.shown.size();
        return report;
    }

    private void readCatalogue(Report report, DemoRecords records, boolean api) throws Exception {
        for (Endpoint endpoint : endpoints) {
            Rule rule = rules.get(endpoint.key());
            String user = writer(rule);
            if (endpoint.write() || user == null || rule.flags().contains("slow") || (endpoint.api() && !api)) {
                continue;
            }
            AbstractMockHttpServletRequestBuilder<?> request =
                    get(records.fill(endpoint.pattern()).url()).with(as(accounts, user));
            endpoint.params().forEach(request::param);
            check(report, endpoint.key() + " (read by " + user + ")", endpoint.api(), perform(request));
        }
    }

    /**
     * The payload in text fields; elsewhere what gets a write past validation: the version tried, the working
     * year, a member of X局's group where a person is asked for, 1 for other numbers; {@code null}: the default.
     */
    private String chosen(
            Report report,
            String payload,
            int version,
            Endpoint endpoint,
            String name,
            Class<?> type,
            Map<String, String> fields) {
        if (type == String.class) {
            return payload(report, payload, endpoint, name, fields);
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean person = lower.contains("person")
                || lower.contains("author")
                || lower.contains("participant")
                || lower.contains("judge")
                || lower.contains("member")
                || lower.contains("host")
                || lower.contains("speaker")
                || lower.contains("lead")
                || lower.contains("responsible");
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return person && lower.endsWith("ids") ? "[" + memberPerson + "]" : null;
        }
        boolean number = (type.isPrimitive() && type != boolean.class && type != char.class)
                || Number.class.isAssignableFrom(type);
        if (!number) {
            return null;
        }
        if (lower.contains("version")) {
            return String.valueOf(version);
        }
        if (lower.endsWith("year")) {
            return "2025";
        }
        if (person) {
            return String.valueOf(memberPerson);
        }
        return lower.endsWith("id") ? null : "1";
    }

    /** A payload with a marker naming the field, remembered so a leak says where it came from. */
    private static String payload(
            Report report, String payload, Endpoint endpoint, String field, Map<String, String> fields) {
        String marker = String.format("xssm%04dq", report.markers.size());
        report.markers.put(marker, endpoint.key() + " field " + field);
        fields.put(field, marker);
        String name = field.toLowerCase(java.util.Locale.ROOT);
        // a link must look like one to be stored, and is then shown in an href
        String prefix = name.contains("link") || name.contains("url") ? "https://example.cn/?q=" : "";
        return prefix + payload + marker;
    }

    private void check(Report report, String what, boolean api, MockHttpServletResponse response) throws Exception {
        int status = response.getStatus();
        String type = response.getContentType() == null ? "" : response.getContentType();
        if (status >= 500) {
            report.problems.add(what + ": " + status);
        }
        if (api) {
            report.apiReads++;
            if (type.startsWith(MediaType.TEXT_HTML_VALUE)) {
                report.problems.add(what + ": an API answer as text/html");
            }
            return;
        }
        if (!type.startsWith(MediaType.TEXT_HTML_VALUE)) {
            return; // a redirect, a file download
        }
        report.htmlPagesRead++;
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        for (String raw : RAW) {
            int at = html.indexOf(raw);
            if (at >= 0) {
                Matcher marker = MARKER.matcher(html.substring(at, Math.min(html.length(), at + 200)));
                String source = marker.find() ? report.markers.get(marker.group()) : "unknown field";
                report.problems.add(what + ": payload unescaped (" + raw + "), sent through " + source);
            }
        }
        Matcher marker = MARKER.matcher(html);
        boolean any = false;
        while (marker.find()) {
            any = true;
            report.shown.add(marker.group());
        }
        if (any) {
            report.pagesShowingPayload++;
        }
        String csp = response.getHeader("Content-Security-Policy");
        if (csp == null || !csp.contains("script-src") || scriptSrc(csp).contains("'unsafe-inline'")) {
            report.problems.add(what + ": no CSP with script-src free of 'unsafe-inline' (" + csp + ")");
        }
    }

    private static String scriptSrc(String csp) {
        for (String directive : csp.split(";")) {
            if (directive.trim().startsWith("script-src")) {
                return directive;
            }
        }
        return "";
    }

    private static String writer(Rule rule) {
        if (rule == null) {
            return null;
        }
        return PREFERRED.stream().filter(rule::allows).findFirst().orElse(null);
    }

    /** An exception no handler turned into a response would be a 500 in the servlet container. */
    private MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request) {
        try {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            return response;
        } catch (Exception e) {
            MockHttpServletResponse failed = new MockHttpServletResponse();
            failed.setStatus(500);
            return failed;
        }
    }
}
