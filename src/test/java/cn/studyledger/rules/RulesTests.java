package cn.studyledger.rules;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import cn.studyledger.report.Finding;
import cn.studyledger.report.FindingSource;
import cn.studyledger.rules.domain.RuleDefinition;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The rules through the pages and the API: the demo year's violations found with the records behind them and
 * offered to the report as findings, the rule table edited by the 学习秘书 (validation, stale versions refused,
 * 恢复默认, audited), and who may see and do what (members not at all, the 组长 and a superior read, a subordinate
 * unit's clerk not the bureau's rules). Rule edits use the year 2024, or only the source text of a rule, so that
 * they do not change what the 2025 evaluations find.
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class RulesTests {

    static final String API = "/api/v1/orgs/XJ/years/";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<FindingSource> findingSources;

    RequestPostProcessor clerk;

    @BeforeEach
    void signIn() {
        clerk = as(accounts, "clerk");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    // ---- the demo year's findings ----

    @Test
    void evaluationOfTheDemoYearFindsItsViolationsWithTheRecordsBehindThem() throws Exception {
        String json =
                body(mvc.perform(post(API + "2025/rules/evaluation").with(clerk).with(csrf().asHeader()))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.runKind").value("立即检查"))
                        .andExpect(jsonPath("$.evaluatedBy").value("clerk"))
                        .andExpect(jsonPath("$.rulesChecked").value(RuleDefinition.values().length))
                        .andExpect(jsonPath("$.findings[*].evidence[*].url", everyItem(startsWith("/")))));

        // 学用转化: the demo's 9 recommendations with 4 adopted, plus what other tests added
        DemoAdoption adoption = DemoAdoption.now(jdbc);
        assertThat(finding(json, "research.adoption", "finding")).isEqualTo(adoption.finding());
        assertThat(finding(json, "research.adoption", "problem"))
                .contains("学用两张皮")
                .contains(adoption.rate());
        assertThat(evidenceUrls(json, "research.adoption"))
                .hasSize((int) adoption.proposed())
                .allMatch(u -> u.startsWith("/research/"));

        // one member without writings, 周文斌 without a key speech
        assertThat(evidenceUrls(json, "writings.perMember")).hasSize(1).allMatch(u -> u.startsWith("/records/"));
        // one member finished only one of the two books a year (原著研读)
        assertThat(finding(json, "books.perMember", "finding")).startsWith("1名成员全年研读原著少于2本");
        assertThat(finding(json, "speech.perMember", "finding")).contains("周文斌");
        assertThat(evidence(json, "speech.perMember", "title")).anyMatch(t -> t.startsWith("周文斌"));

        // XJ-06 never visited
        assertThat(evidence(json, "supervision.coverage", "title")).anyMatch(t -> t.contains("XJ-06"));

        // the overdue follow-up task and rectification item
        assertThat(evidence(json, "tracking.overdue", "type")).contains("第一议题落实任务", "列席旁听整改事项");
        assertThat(evidenceUrls(json, "tracking.overdue"))
                .anyMatch(u -> u.startsWith("/firsttopic/tasks/"))
                .anyMatch(u -> u.startsWith("/supervision/visits/"));

        // the leave without completed make-up
        assertThat(evidence(json, "attendance.makeUp", "detail")).anyMatch(d -> d.contains("补学逾期未完成"));
        assertThat(evidenceUrls(json, "attendance.makeUp")).allMatch(u -> u.startsWith("/sessions/"));

        // the records open for the clerk
        for (String url : List.of(
                evidenceUrls(json, "attendance.makeUp").get(0),
                evidenceUrls(json, "tracking.overdue").get(0).replaceAll("#.*", ""),
                evidenceUrls(json, "research.adoption").get(0).replaceAll("#.*", ""))) {
            mvc.perform(get(url).with(clerk)).andExpect(status().isOk());
        }

        assertThat(jdbc.sql("""
                        select count(*) from common_audit_event
                         where object_type = '规则检查' and username = 'clerk' and summary like 'XJ 2025年度规则检查（立即检查）%'""").query(Long.class).single()).isPositive();
    }

    @Test
    void findingsPageShowsTheLatestEvaluationGroupedByRuleWithLinksToTheRecords() throws Exception {
        DemoAdoption adoption = DemoAdoption.now(jdbc);
        mvc.perform(post("/rules/evaluation").with(clerk).with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/rules/findings"));
        mvc.perform(get("/rules/findings").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"evaluate\"")))
                .andExpect(content().string(containsString("id=\"evaluated-at\"")))
                .andExpect(content().string(containsString("学用转化")))
                .andExpect(content().string(containsString(adoption.finding())))
                .andExpect(content().string(containsString("class=\"evidence-link\" href=\"/research/")))
                .andExpect(content().string(containsString("href=\"/firsttopic/tasks/")))
                .andExpect(content().string(not(containsString("id=\"no-findings\""))));
        mvc.perform(get("/rules/findings").with(as(accounts, "leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(adoption.finding())))
                .andExpect(content().string(not(containsString("id=\"evaluate\""))));
    }

    @Test
    void aYearWithoutRecordsShowsNoProblemsFound() throws Exception {
        // a year no test writes records for (other tests in the shared context use 2024 and later years)
        MockHttpSession session = workingOn("clerk", 2009);
        mvc.perform(get("/rules/findings").session(session).with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"no-findings\"")))
                .andExpect(content().string(containsString("未发现问题")));
    }

    @Test
    void findingSourceGivesTheReportTheProblemsAndNextStepsWithTheirEvidence() throws Exception {
        mvc.perform(post(API + "2025/rules/evaluation").with(clerk).with(csrf().asHeader()))
                .andExpect(status().isOk());
        UserDetails leader = accounts.loadUserByUsername("leader");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(leader, null, leader.getAuthorities()));
        assertThat(findingSources).hasSize(1);
        List<Finding> findings = findingSources.get(0).findings("XJ", 2025);
        Finding adoption = findings.stream()
                .filter(f -> f.ruleKey().equals("research.adoption"))
                .findFirst()
                .orElseThrow();
        assertThat(adoption.rule()).isEqualTo("课题研讨形成的对策建议采纳率不低于50%");
        assertThat(adoption.source()).isNotBlank();
        assertThat(adoption.problem()).contains("学用转化机制还不够健全").contains("学用两张皮");
        assertThat(adoption.nextStep()).contains("50%");
        assertThat(adoption.evidence()).hasSize((int) DemoAdoption.now(jdbc).proposed());
        assertThat(findings).extracting(Finding::ruleKey).contains("writings.perMember", "supervision.coverage");
    }

    // ---- the rule table ----

    @Test
    void clerkEditsARuleAndAStaleVersionIsRefusedWithConflict() throws Exception {
        String table = body(mvc.perform(get(API + "2024/rules").with(clerk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rules.length()").value(RuleDefinition.values().length))
                .andExpect(jsonPath("$.rules[?(@.key == 'research.adoption')].text")
                        .value("课题研讨形成的对策建议采纳率不低于50%")));
        long version = ((Number) JsonPath.<List<Object>>read(table, "$.rules[?(@.key == 'research.adoption')].version")
                        .get(0))
                .longValue();

        String changed = body(mvc.perform(put(API + "2024/rules/research.adoption")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ruleJson(true, "60", "本单位2024年实施办法第五条", version)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value("课题研讨形成的对策建议采纳率不低于60%"))
                .andExpect(jsonPath("$.source").value("本单位2024年实施办法第五条"))
                .andExpect(jsonPath("$.defaults").value(false)));
        long next = ((Number) JsonPath.read(changed, "$.version")).longValue();
        assertThat(next).isGreaterThan(version);

        mvc.perform(put(API + "2024/rules/research.adoption")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ruleJson(false, "40", "过期的修改", version)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(put(API + "2024/rules/research.adoption")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ruleJson(true, "150", "本单位实施办法", next)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("“采纳率不低于”应在1至100%之间"));
        mvc.perform(put(API + "2024/rules/research.adoption")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ruleJson(true, "50", " ", next)))
                .andExpect(status().isBadRequest());

        mvc.perform(post(API + "2024/rules/research.adoption/default")
                        .param("version", String.valueOf(next))
                        .with(clerk)
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.defaults").value(true))
                .andExpect(jsonPath("$.text").value("课题研讨形成的对策建议采纳率不低于50%"));

        assertThat(jdbc.sql("""
                        select count(*) from common_audit_event
                         where object_type = '规则设置' and action = 'UPDATE' and username = 'clerk'
                           and summary like 'XJ 2024年度“学用转化”%'""").query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aDisabledRuleIsNotCheckedAndAChangedThresholdIsApplied() throws Exception {
        long version = version(2024, "attendance.presentRate");
        mvc.perform(put(API + "2024/rules/attendance.presentRate")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ruleJson(false, "90", "本单位实施办法", version)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(post(API + "2024/rules/evaluation").with(clerk).with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rulesChecked").value(RuleDefinition.values().length - 1));
        mvc.perform(post(API + "2024/rules/attendance.presentRate/default")
                        .param("version", String.valueOf(version + 1))
                        .with(clerk)
                        .with(csrf().asHeader()))
                .andExpect(status().isOk());
    }

    @Test
    void rulesPageEditsTheSourceWithValidationBesideTheRule() throws Exception {
        MockHttpSession session = workingOn("clerk", 2024);
        mvc.perform(get("/rules").session(session).with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"rule-sessions.length\"")))
                .andExpect(content().string(containsString("每次集中学习时间不少于3小时")));
        long version = version(2024, "sessions.length");

        mvc.perform(post("/rules/sessions.length")
                        .session(session)
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("enabled", "true")
                        .param("param1", "0.2")
                        .param("source", "本单位实施办法")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"rule-error-sessions.length\"")))
                .andExpect(content().string(containsString("“每次不少于”应在0.5至24小时之间")));

        mvc.perform(post("/rules/sessions.length")
                        .session(session)
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("enabled", "true")
                        .param("param1", "4")
                        .param("source", "本单位中心组学习实施办法第六条")
                        .param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/rules").session(session).with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("每次集中学习时间不少于4小时")))
                .andExpect(content().string(containsString("本单位中心组学习实施办法第六条")))
                .andExpect(content().string(containsString("id=\"restore-sessions.length\"")));

        mvc.perform(post("/rules/sessions.length")
                        .session(session)
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("enabled", "true")
                        .param("param1", "3")
                        .param("source", "过期的修改")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isConflict());

        mvc.perform(post("/rules/sessions.length/default")
                        .session(session)
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version + 1)))
                .andExpect(status().is3xxRedirection());
        assertThat(version(2024, "sessions.length")).isEqualTo(version + 2);
    }

    // ---- who may see and do what ----

    @Test
    void memberCannotOpenTheRulesOrTheFindings() throws Exception {
        RequestPostProcessor member = as(accounts, "member");
        mvc.perform(get("/rules").with(member)).andExpect(status().isForbidden());
        mvc.perform(get("/rules/findings").with(member)).andExpect(status().isForbidden());
        mvc.perform(post("/rules/evaluation").with(member).with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        mvc.perform(get(API + "2025/rules").with(member)).andExpect(status().isForbidden());
        mvc.perform(get(API + "2025/findings").with(member)).andExpect(status().isForbidden());
    }

    @Test
    void unitClerkCannotSeeOrChangeTheBureausRules() throws Exception {
        RequestPostProcessor unitClerk = as(accounts, "unitclerk");
        long version = version(2024, "writings.perMember");
        mvc.perform(get(API + "2025/rules").with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(get(API + "2025/findings").with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(post(API + "2025/rules/evaluation").with(unitClerk).with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(put(API + "2024/rules/writings.perMember")
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ruleJson(false, "1", "改动", version)))
                .andExpect(status().isNotFound());
        assertThat(version(2024, "writings.perMember")).isEqualTo(version);

        // the pages work on the unit's own organisation; switching to X局 is refused
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/context")
                        .session(session)
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .param("orgCode", "XJ")
                        .param("year", "2025"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/rules/findings").session(session).with(unitClerk))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(not(containsString(DemoAdoption.now(jdbc).finding()))))
                .andExpect(content().string(not(containsString("XJ-06"))));
        mvc.perform(get("/rules").session(session).with(unitClerk))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("X局 2025年度"))));
    }

    @Test
    void superiorReadsTheFindingsButNeitherEvaluatesNorEdits() throws Exception {
        RequestPostProcessor superior = as(accounts, "superior");
        mvc.perform(post(API + "2025/rules/evaluation").with(clerk).with(csrf().asHeader()))
                .andExpect(status().isOk());
        mvc.perform(get(API + "2025/findings").with(superior))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[?(@.ruleKey == 'research.adoption')].finding")
                        .value(DemoAdoption.now(jdbc).finding()));
        mvc.perform(get(API + "2025/rules").with(superior)).andExpect(status().isOk());
        mvc.perform(post(API + "2025/rules/evaluation").with(superior).with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/rules").with(superior)).andExpect(status().isForbidden());
        mvc.perform(post(API + "2025/rules/evaluation")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
    }

    // ---- helpers ----

    MockHttpSession workingOn(String username, int year) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/context")
                        .session(session)
                        .with(as(accounts, username))
                        .with(csrf().asHeader())
                        .param("orgCode", "XJ")
                        .param("year", String.valueOf(year)))
                .andExpect(status().is3xxRedirection());
        return session;
    }

    long version(int year, String key) throws Exception {
        String json =
                body(mvc.perform(get(API + year + "/rules/" + key).with(clerk)).andExpect(status().isOk()));
        return ((Number) JsonPath.read(json, "$.version")).longValue();
    }

    static String ruleJson(boolean enabled, String param1, String source, long version) {
        return "{\"enabled\":" + enabled + ",\"param1\":" + param1 + ",\"source\":\"" + source + "\",\"version\":"
                + version + "}";
    }

    static String finding(String json, String key, String field) {
        List<String> values = JsonPath.read(json, "$.findings[?(@.ruleKey == '" + key + "')]." + field);
        assertThat(values).as("finding of " + key).hasSize(1);
        return values.get(0);
    }

    static List<String> evidence(String json, String key, String field) {
        List<List<Map<String, Object>>> lists =
                JsonPath.read(json, "$.findings[?(@.ruleKey == '" + key + "')].evidence");
        assertThat(lists).as("finding of " + key).hasSize(1);
        return lists.get(0).stream().map(e -> String.valueOf(e.get(field))).toList();
    }

    static List<String> evidenceUrls(String json, String key) {
        return evidence(json, key, "url");
    }

    static String body(ResultActions actions) throws Exception {
        return actions.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
