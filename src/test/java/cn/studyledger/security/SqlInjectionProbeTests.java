package cn.studyledger.security;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.studyledger.IntegrationTest;
import cn.studyledger.security.EndpointCatalogue.Endpoint;
import cn.studyledger.security.EndpointCatalogue.Rule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * SQL-injection probes on every search and filter parameter: every GET endpoint of the catalogue (pages and
 * API) that binds {@code @RequestParam}s gets, in each of them in turn, quotes, comments, a UNION, a DROP, LIKE
 * wildcards, a backslash and a 10,000-character string, sent by the clerk and (where the clerk is not let
 * through) by the first user the rule table lets through. Text parameters: no 5xx, no database error text,
 * and no more rows than a search for a nonsense word (a probe must not widen the result). Number, enum, date
 * and boolean parameters: the probe does not convert, so 400 (or a redirect with a message), never a 5xx.
 * Afterwards the database still has all its tables and its organisations and accounts.
 */
@IntegrationTest
@Transactional
class SqlInjectionProbeTests {

    static final String NONSENSE = "qzxv未见词";

    static final List<String> PROBES = List.of(
            "' OR '1'='1",
            "1' OR 1=1 --",
            "%' UNION SELECT username, password_hash FROM org_account --",
            "'); DROP TABLE org_unit; --",
            "\\",
            "%",
            "_",
            "' OR 1=1 --".repeat(910));

    /**
     * Probes sent to endpoints the rule table marks slow (PDF, Word, ZIP), to number, enum, date and boolean
     * parameters (none of them converts, so more would only repeat the 400) and by the clerk where the rule
     * refuses the clerk: a quote, a UNION and the long string.
     */
    static final List<String> FEW_PROBES = List.of(PROBES.get(0), PROBES.get(2), PROBES.get(7));

    static final Pattern DATABASE_ERROR = Pattern.compile(
            "SQLSyntaxError|PSQLException|syntax error|SQLGrammar|JdbcSQL|org\\.h2\\.|SQLState|SQLException"
                    + "|unterminated quoted|could not execute|bad SQL grammar",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern HTML_ROW = Pattern.compile("<tr[\\s>]");
    private static final Pattern JSON_RECORD = Pattern.compile("\\{");

    private static final List<String> PREFERRED =
            List.of("clerk", "leader", "member", "superior", "unitclerk", "admin", "secadmin", "auditor", "observer");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void probesInEverySearchAndFilterParameterNeitherFailNorWidenTheResult() throws Exception {
        List<Endpoint> endpoints = EndpointCatalogue.endpoints(mapping);
        Map<String, Rule> rules = new LinkedHashMap<>();
        EndpointCatalogue.byKey(EndpointCatalogue.rules()).forEach((key, list) -> rules.put(key, list.get(0)));
        DemoRecords records = new DemoRecords(jdbc);
        long tables = tables();
        long units = count("org_unit");
        long logins = count("org_account");

        List<String> problems = new ArrayList<>();
        int endpointsProbed = 0;
        int textParams = 0;
        int typedParams = 0;
        int requests = 0;
        int widened = 0;
        for (Endpoint endpoint : endpoints) {
            Map<String, Class<?>> params = SampleInput.requestParamTypes(endpoint.handlerMethod());
            Rule rule = rules.get(endpoint.key());
            if (endpoint.write() || params.isEmpty() || rule == null) {
                continue;
            }
            // the first user the rule lets through (the clerk where allowed), and the clerk where refused
            List<String> users = new ArrayList<>();
            PREFERRED.stream().filter(rule::allows).findFirst().ifPresent(users::add);
            if (!users.contains("clerk")) {
                users.add("clerk");
            }
            String url = records.fill(endpoint.pattern()).url();
            endpointsProbed++;
            for (Map.Entry<String, Class<?>> param : params.entrySet()) {
                boolean text = param.getValue() == String.class;
                if (text) {
                    textParams++;
                } else {
                    typedParams++;
                }
                for (String user : users) {
                    String where = endpoint.key() + " ?" + param.getKey() + " as " + user;
                    Answer baseline = text ? call(endpoint, url, param.getKey(), NONSENSE, user) : null;
                    requests += text ? 1 : 0;
                    boolean few = !text || !rule.allows(user) || rule.flags().contains("slow");
                    for (String probe : few ? FEW_PROBES : PROBES) {
                        Answer answer = call(endpoint, url, param.getKey(), probe, user);
                        requests++;
                        String shown =
                                probe.length() > 40 ? probe.substring(0, 20) + "…(" + probe.length() + ")" : probe;
                        if (answer.status() >= 500) {
                            problems.add(where + " = " + shown + ": " + answer.status());
                        }
                        Matcher error = DATABASE_ERROR.matcher(answer.body());
                        if (error.find()) {
                            problems.add(where + " = " + shown + ": database error text '" + error.group() + "'");
                        }
                        if (!text
                                && answer.status() != 400
                                && answer.status() / 100 != 3
                                && answer.status() != 404
                                && answer.status() != 403) {
                            problems.add(where + " = " + shown + ": a value of the wrong type answered "
                                    + answer.status() + " instead of 400 or a redirect");
                        }
                        // A wildcard ('%', '_') may match records that really contain it (other tests add some):
                        // it widens the result only if it gives everything that an empty search gives.
                        boolean wildcard = probe.equals("%") || probe.equals("_");
                        if (text
                                && baseline.status() == 200
                                && answer.status() == 200
                                && answer.rows() > baseline.rows()
                                && (!wildcard
                                        || answer.rows()
                                                >= call(endpoint, url, param.getKey(), "", user)
                                                        .rows())) {
                            widened++;
                            problems.add(where + " = " + shown + ": " + answer.rows() + " rows, a nonsense word "
                                    + baseline.rows());
                        }
                    }
                }
            }
        }
        System.out.println("[sql] endpoints=" + endpointsProbed + " text params=" + textParams + " typed params="
                + typedParams + " requests=" + requests + " widened=" + widened + " problems=" + problems.size());
        assertThat(problems).isEmpty();
        assertThat(tables()).as("tables").isEqualTo(tables);
        assertThat(count("org_unit")).isEqualTo(units);
        assertThat(count("org_account")).isEqualTo(logins);
        // A suite that probes nothing must fail.
        assertThat(endpointsProbed).as("GET endpoints with request parameters").isGreaterThan(40);
        assertThat(textParams).as("text parameters probed").isGreaterThan(30);
        assertThat(typedParams)
                .as("number, enum, date and boolean parameters probed")
                .isGreaterThan(30);
    }

    /** The status, the body and how many records it lists (table rows of a page, objects in JSON). */
    record Answer(int status, String body, int rows) {}

    private Answer call(Endpoint endpoint, String url, String name, String value, String user) {
        MockHttpServletRequestBuilder request = get(url).with(as(accounts, user));
        Map<String, String> params = new LinkedHashMap<>(endpoint.params());
        params.put(name, value); // in place of the sample value, not a second value beside it
        params.forEach(request::param);
        try {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            String type = response.getContentType() == null ? "" : response.getContentType();
            boolean readable = type.contains("html") || type.contains("json") || type.startsWith("text/");
            String body = readable ? response.getContentAsString(StandardCharsets.UTF_8) : "";
            Pattern row = type.contains("json") ? JSON_RECORD : HTML_ROW;
            return new Answer(response.getStatus(), body, (int)
                    row.matcher(body).results().count());
        } catch (Exception e) {
            return new Answer(500, String.valueOf(e), 0);
        }
    }

    private long tables() {
        return jdbc.sql("select count(*) from information_schema.tables where table_schema = 'public'")
                .query(Long.class)
                .single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
