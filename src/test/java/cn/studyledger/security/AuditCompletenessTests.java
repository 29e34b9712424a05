package cn.studyledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import cn.studyledger.security.EndpointCatalogue.Endpoint;
import cn.studyledger.security.EndpointCatalogue.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Audit completeness "for each kind of change": every write endpoint of the catalogue (POST/PUT/PATCH/DELETE) is
 * sent by the users its rule lets through, with the sample input of {@link SampleInput} (the version of the record
 * an editor saw, a small PDF for file parts), each in a transaction that is rolled back. Every write that went
 * through must have written at least one line of {@code common_audit_event} in that transaction. Writes that are
 * not changes of the ledger are listed in {@link #NOT_CHANGES}. The writes the sample input could not make succeed
 * are printed and written to {@code target/security/audit-completeness.txt}; they are the gap of this test.
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class AuditCompletenessTests {

    /** Writes that legitimately change nothing worth an audit line, each with the reason. */
    static final Map<String, String> NOT_CHANGES = Map.of(
            "POST /context", "switches the working organisation and year of the session only",
            "POST /checkin", "looks up a check-in code and shows the confirmation page; the POST /checkin/{id} records",
            "POST /online/import", "the first step shows a preview of the rows; nothing is saved until confirmed",
            "POST /people/import", "the first step shows a preview of the rows; nothing is saved until confirmed",
            "POST /rules/evaluation", "evaluates the rules and shows the findings; saves nothing",
            "POST /api/v1/orgs/{orgCode}/years/{year}/rules/evaluation", "evaluates the rules; saves nothing");

    /** How many other records of the same kind are tried when the demo record's state refuses the change. */
    static final int ALTERNATIVES = 6;

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

    @Value("${ledger.files.dir}")
    Path filesDir;

    @Test
    void everyWriteThatSucceedsWritesAnAuditLineInItsTransaction() throws Exception {
        Map<String, List<Rule>> rules = EndpointCatalogue.byKey(EndpointCatalogue.rules());
        DemoRecords records = new DemoRecords(jdbc);
        Writes writes = new Writes(
                mvc, accounts, jdbc, transactions, filesDir.toAbsolutePath().normalize());
        List<String> unaudited = new ArrayList<>();
        List<String> audited = new ArrayList<>();
        List<String> exempt = new ArrayList<>();
        List<String> notMade = new ArrayList<>();
        int writesFound = 0;
        for (Endpoint endpoint : EndpointCatalogue.endpoints(mapping)) {
            if (!endpoint.write()) {
                continue;
            }
            writesFound++;
            List<Rule> rule = rules.getOrDefault(endpoint.key(), List.of());
            List<String> users = rule.size() == 1 ? Writes.candidates(rule.get(0)) : List.of();
            String body = writes.validBody(endpoint, endpoint.body());
            Writes.Sent success = null;
            Writes.Sent first = null;
            // the demo record first, then other records of the same kind (one may be in a state that allows it)
            List<DemoRecords.Filled> targets = new ArrayList<>();
            targets.add(records.fill(endpoint.pattern()));
            for (int i = 0; i < targets.size() && success == null; i++) {
                DemoRecords.Filled filled = targets.get(i);
                Map<String, String> params = writes.validParams(endpoint, filled);
                for (String user : users) {
                    Writes.Sent sent = writes.send(
                            endpoint,
                            filled.url(),
                            user,
                            params,
                            body,
                            b -> {
                                for (String part : endpoint.fileParts()) {
                                    b.file(new MockMultipartFile(part, "审计测试.pdf", "application/pdf", Writes.PDF));
                                }
                            },
                            prepare(endpoint));
                    first = first == null ? sent : first;
                    if (sent.succeeded()) {
                        success = sent;
                        break;
                    }
                    if (i == 0 && targets.size() == 1 && refusedByState(sent)) {
                        targets.addAll(records.alternatives(endpoint.pattern(), ALTERNATIVES));
                    }
                }
            }
            if (success == null) {
                notMade.add(first == null ? endpoint.key() + ": nobody may send it" : first.summary());
            } else if (NOT_CHANGES.containsKey(endpoint.key())) {
                exempt.add(success.summary() + " — " + NOT_CHANGES.get(endpoint.key()));
            } else if (success.auditLines() == 0) {
                unaudited.add(success.summary() + " (" + endpoint.handler() + ")");
                Path page = Path.of("target/security/unaudited-" + unaudited.size() + ".html");
                Files.createDirectories(page.getParent());
                Files.writeString(page, success.body());
            } else {
                audited.add(success.summary());
            }
        }
        List<String> report = new ArrayList<>();
        report.add("write endpoints: " + writesFound + "; succeeded and audited: " + audited.size()
                + "; succeeded without audit line: " + unaudited.size() + "; exempt (not changes): " + exempt.size()
                + "; could not be made to succeed with sample input: " + notMade.size());
        report.add("## succeeded WITHOUT audit line");
        report.addAll(unaudited);
        report.add("## exempt");
        report.addAll(exempt);
        report.add("## not made to succeed");
        report.addAll(notMade);
        report.add("## audited");
        report.addAll(audited);
        Path out = Path.of("target/security/audit-completeness.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        System.out.println(String.join("\n", report.subList(0, 1)));

        assertThat(writesFound).isPositive();
        assertThat(audited.size() + unaudited.size())
                .as("writes made to succeed")
                .isPositive();
        assertThat(unaudited).as("changes without an audit line").isEmpty();
        Set<String> keys = EndpointCatalogue.byKey(EndpointCatalogue.rules()).keySet();
        assertThat(keys).as("exemptions name real endpoints").containsAll(NOT_CHANGES.keySet());
    }

    /** The page that creates what the write needs, opened first: the year's report is created when first opened. */
    private static String prepare(Endpoint endpoint) {
        if (endpoint.pattern().startsWith("/report/")) {
            return "/report";
        }
        if (endpoint.pattern().contains("/years/{year}/report/")) {
            return "/api/v1/orgs/XJ/years/2025/report";
        }
        return null;
    }

    /** A business refusal (the record's state, a rule), as opposed to a permission or binding refusal. */
    private static boolean refusedByState(Writes.Sent sent) {
        return sent.status() == 422
                || sent.status() == 409
                || sent.flashError()
                || (sent.status() == 200 && sent.modelError() != null);
    }
}
