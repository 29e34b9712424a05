package cn.studyledger.security;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import cn.studyledger.security.EndpointCatalogue.Endpoint;
import cn.studyledger.security.EndpointCatalogue.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * The authorisation matrix: every page and API endpoint the handler mappings know, called by every demo user
 * (and an anonymous visitor) on real records of X局, against the rule table
 * {@code src/test/resources/security/endpoint-rules.csv}. A new endpoint without a rule fails the build.
 *
 * <p>Reads are checked both ways: a user the rule lets through must not be refused (401/403/404), everyone
 * else must be. Writes are only sent by users the rule refuses, inside a transaction that is rolled back, and
 * must neither get through nor leave an audit line (every change writes one). Run with
 * {@code -Dsecurity.matrix.record=true} to write what each user actually gets to
 * {@code target/security/observed-endpoint-rules.csv} (writes then also run for allowed users, rolled back).
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class AuthorisationMatrixTests {

    static final boolean RECORD = Boolean.getBoolean("security.matrix.record");

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
    List<Rule> rules;
    DemoRecords records;

    @BeforeEach
    void readEndpointsAndRules() throws Exception {
        endpoints = EndpointCatalogue.endpoints(mapping);
        rules = EndpointCatalogue.rules();
        records = new DemoRecords(jdbc);
    }

    @Test
    void everyEndpointHasExactlyOneRuleAndEveryRuleAnEndpoint() {
        Map<String, List<Rule>> byKey = EndpointCatalogue.byKey(rules);
        Set<String> known = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            known.add(endpoint.key());
            List<Rule> matching = byKey.getOrDefault(endpoint.key(), List.of());
            if (matching.isEmpty()) {
                problems.add("no rule for " + endpoint.method() + "," + endpoint.pattern() + "   (" + endpoint.handler()
                        + ")");
            } else if (matching.size() > 1) {
                problems.add("several rules for " + endpoint.key() + " (lines "
                        + matching.stream().map(r -> String.valueOf(r.line())).toList() + ")");
            }
        }
        for (Rule rule : rules) {
            if (!known.contains(rule.key())) {
                problems.add("rule on line " + rule.line() + " matches no endpoint: " + rule.key());
            }
        }
        assertThat(problems)
                .as("endpoint-rules.csv must list every endpoint exactly once (see docs/security.md)")
                .isEmpty();
    }

    @Test
    void noRuleLetsTheForeignOrganisationOrAnonymousVisitorsAtTheBureausRecords() {
        Map<String, List<Rule>> byKey = EndpointCatalogue.byKey(rules);
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            Rule rule = single(byKey, endpoint);
            if (rule == null) {
                continue;
            }
            DemoRecords.Filled filled = records.fill(endpoint.pattern());
            if (!filled.unresolved().isEmpty() && !rule.flags().contains("no-demo-record")) {
                problems.add(endpoint.key() + ": no record of XJ for " + filled.unresolved());
            }
            if (filled.scopedToXj() && rule.allows("unitclerk") && !rule.flags().contains("validates-first")) {
                problems.add(endpoint.key() + ": names XJ's records but lets unitclerk (XJ-01) through");
            }
            if (rule.allows("anonymous") && !rule.flags().contains("public")) {
                problems.add(endpoint.key() + ": lets anonymous visitors through without the flag 'public'");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyUserGetsThroughExactlyWhereTheRuleSays() throws Exception {
        Map<String, List<Rule>> byKey = EndpointCatalogue.byKey(rules);
        List<String> problems = new ArrayList<>();
        List<String> observed = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            Rule rule = single(byKey, endpoint);
            if (rule == null && !RECORD) {
                continue;
            }
            String url = records.fill(endpoint.pattern()).url();
            Set<String> through = new LinkedHashSet<>();
            StringBuilder statuses = new StringBuilder();
            boolean oneAllowedChecked = false;
            long started = System.nanoTime();
            for (String user : EndpointCatalogue.USERS) {
                boolean allowed = rule != null && rule.allows(user);
                if (!RECORD && allowed && endpoint.write()) {
                    continue; // never let an allowed user's write through with a junk body
                }
                if (!RECORD && allowed && rule.flags().contains("slow") && oneAllowedChecked) {
                    continue;
                }
                Outcome outcome = call(endpoint, url, user, true);
                statuses.append(' ').append(user).append('=').append(outcome.status());
                if (outcome.through()) {
                    through.add(user);
                }
                if (RECORD) {
                    continue;
                }
                if (allowed) {
                    oneAllowedChecked = true;
                    if (!outcome.through()) {
                        problems.add(
                                endpoint.key() + " [" + url + "]: " + user + " is allowed but got " + outcome.status());
                    } else if (outcome.status() >= 500) {
                        problems.add(endpoint.key() + " [" + url + "]: " + user + " got " + outcome.status());
                    }
                } else if (outcome.through()
                        && !(outcome.status() == 422 && rule.flags().contains("refused-by-rule"))) {
                    problems.add(endpoint.key() + " [" + url + "]: " + user + " must be refused but got "
                            + outcome.status() + (outcome.audited() ? " and an audit line was written" : ""));
                } else if (user.equals("anonymous") && !outcome.refusedAsAnonymous(endpoint)) {
                    problems.add(endpoint.key() + ": anonymous got " + outcome.status()
                            + " instead of 401 (API) or a redirect to /login (pages)");
                } else if (outcome.audited()) {
                    problems.add(endpoint.key() + ": " + user + " was refused but an audit line was written");
                }
            }
            observed.add(endpoint.method() + "," + endpoint.pattern() + ","
                    + (through.isEmpty() ? "-" : String.join(" ", through)) + ", #" + statuses + " ms="
                    + (System.nanoTime() - started) / 1_000_000);
        }
        if (RECORD) {
            Path out = Path.of("target/security/observed-endpoint-rules.csv");
            Files.createDirectories(out.getParent());
            Files.write(out, observed);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyWriteWithoutACsrfTokenIsRefused() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (!endpoint.write()) {
                continue;
            }
            String url = records.fill(endpoint.pattern()).url();
            Outcome outcome = call(endpoint, url, "clerk", false);
            if (outcome.status() != 403 || outcome.audited()) {
                problems.add(endpoint.key() + ": clerk without CSRF token got " + outcome.status());
            } else if (endpoint.api() && !outcome.contentType().startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
                problems.add(endpoint.key() + ": CSRF refusal is not a problem detail but " + outcome.contentType());
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Rule single(Map<String, List<Rule>> byKey, Endpoint endpoint) {
        List<Rule> matching = byKey.getOrDefault(endpoint.key(), List.of());
        return matching.size() == 1 ? matching.get(0) : null;
    }

    /** What one user got from one endpoint, and whether an audit line appeared while it ran. */
    record Outcome(int status, String redirect, String contentType, boolean audited) {

        boolean through() {
            return status != 401 && status != 403 && status != 404 && !toLogin();
        }

        boolean toLogin() {
            return status / 100 == 3 && redirect != null && redirect.matches("(.*//[^/]+)?/login(\\?.*)?");
        }

        boolean refusedAsAnonymous(Endpoint endpoint) {
            return endpoint.api() ? status == 401 : toLogin();
        }
    }

    private Outcome call(Endpoint endpoint, String url, String user, boolean withCsrf) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> request = endpoint.multipart()
                ? multipart(HttpMethod.valueOf(endpoint.method()), url)
                : request(HttpMethod.valueOf(endpoint.method()), url);
        if (endpoint.api() && endpoint.write() && !endpoint.multipart()) {
            request.contentType(MediaType.APPLICATION_JSON).content(endpoint.body());
        }
        endpoint.params().forEach(request::param);
        if (withCsrf) {
            request.with(csrf().asHeader());
        }
        if (!user.equals("anonymous")) {
            request.with(as(accounts, user));
        }
        if (!endpoint.write()) {
            return perform(request, false);
        }
        // Writes run inside a transaction that is rolled back whatever happens, so a refusal that fails to refuse
        // changes nothing; every change writes an audit line in the same transaction, which shows it happened.
        TransactionTemplate rollback = new TransactionTemplate(transactions);
        return rollback.execute(status -> {
            status.setRollbackOnly();
            long before = auditLines();
            Outcome outcome = perform(request, false);
            return new Outcome(outcome.status(), outcome.redirect(), outcome.contentType(), auditLines() > before);
        });
    }

    /** An exception no handler turned into a response would be a 500 in the servlet container. */
    private Outcome perform(AbstractMockHttpServletRequestBuilder<?> request, boolean audited) {
        try {
            return outcome(mvc.perform(request).andReturn().getResponse(), audited);
        } catch (Exception e) {
            return new Outcome(500, null, "", audited);
        }
    }

    private long auditLines() {
        return jdbc.sql("select count(*) from common_audit_event where action <> 'EXPORT'")
                .query(Long.class)
                .single();
    }

    private static Outcome outcome(MockHttpServletResponse response, boolean audited) {
        String type = response.getContentType();
        return new Outcome(response.getStatus(), response.getRedirectedUrl(), type == null ? "" : type, audited);
    }
}
