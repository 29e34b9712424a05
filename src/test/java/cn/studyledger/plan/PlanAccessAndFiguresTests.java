package cn.studyledger.plan;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see and change X局's demo plans, and the plan execution rate computed from exactly the arrangements it
 * lists as evidence. Tests that change the approved 2025 plan put it back as they found it.
 */
@IntegrationTest
@Transactional
class PlanAccessAndFiguresTests {

    static final String EFFECTIVE_2025 = """
            (select p.id from plan_annual_plan p join org_unit o on o.id = p.org_id
             where o.code = 'XJ' and p.plan_year = 2025 and p.status = 'APPROVED'
             order by p.revision desc limit 1)""";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    long plan2025;
    long august;
    long plan2026;

    @BeforeEach
    void findTheDemoPlans() {
        plan2025 = jdbc.sql("select id from plan_annual_plan where id = " + EFFECTIVE_2025)
                .query(Long.class)
                .single();
        august = jdbc.sql("select id from plan_arrangement where plan_id = ? and plan_month = 8")
                .param(plan2025)
                .query(Long.class)
                .single();
        plan2026 = jdbc.sql("select p.id from plan_annual_plan p join org_unit o on o.id = p.org_id"
                        + " where o.code = 'XJ' and p.plan_year = 2026 and p.revision = 1")
                .query(Long.class)
                .single();
    }

    Map<String, Object> executionRate(int year) throws Exception {
        String json = mvc.perform(
                        get("/api/v1/orgs/XJ/years/" + year + "/figures").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> figures = JsonPath.read(json, "$[?(@.key=='plan.executionRate')]");
        assertThat(figures).hasSize(1);
        return figures.get(0);
    }

    List<Map<String, Object>> evidence(int year) throws Exception {
        String json = mvc.perform(get("/api/v1/orgs/XJ/years/" + year + "/figures/plan.executionRate/evidence")
                        .with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$");
    }

    long executedBySql() {
        return jdbc.sql("""
                        select count(*) from plan_arrangement a where a.plan_id = %s
                        and exists (select 1 from plan_arrangement_session l
                                    join session_study_session s on s.id = l.session_id
                                    join org_unit o on o.id = s.org_id
                                    where l.arrangement_id = a.id and s.status = 'HELD' and o.code = 'XJ'
                                      and s.session_date between '2025-01-01' and '2025-12-31')""".formatted(EFFECTIVE_2025)).query(Long.class).single();
    }

    long arrangementsBySql() {
        return jdbc.sql("select count(*) from plan_arrangement where plan_id = " + EFFECTIVE_2025)
                .query(Long.class)
                .single();
    }

    long heldSessionOfXj(String date) {
        return jdbc.sql("select s.id from session_study_session s join org_unit o on o.id = s.org_id"
                        + " where o.code = 'XJ' and s.session_date = '" + date + "' and s.status = 'HELD'")
                .query(Long.class)
                .single();
    }

    @Test
    void demoPlanOf2025WasApprovedByTheLeaderBeforeTheFirstSessionAndOf2026IsADraft() throws Exception {
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/plan").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.arrangements.length()").value(12))
                .andExpect(jsonPath("$.approvedAt", containsString("2025-01-08")))
                .andExpect(
                        jsonPath("$.history[?(@.action=='SUBMIT')].actorName").value("吴晓东"))
                .andExpect(
                        jsonPath("$.history[?(@.action=='APPROVE')].actorName").value("王建国"));
        mvc.perform(get("/api/v1/orgs/XJ/years/2026/plan").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(get("/plans").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2025年度理论学习中心组学习计划")))
                .andExpect(content().string(containsString("已批准")))
                .andExpect(content().string(containsString("赴生态环境监测站开展现场教学")))
                .andExpect(content().string(not(containsString("早于学习计划批准日期"))))
                .andExpect(content().string(not(containsString("id=\"edit-themes\""))))
                .andExpect(content().string(not(containsString("id=\"revise-plan\""))));
    }

    @Test
    void executionRateCountsExactlyTheArrangementsItListsAsEvidence() throws Exception {
        Map<String, Object> figure = executionRate(2025);
        List<Map<String, Object>> evidence = evidence(2025);
        long executed = executedBySql();

        assertThat(((Number) figure.get("numerator")).longValue())
                .isEqualTo(evidence.size())
                .isEqualTo(executed);
        assertThat(((Number) figure.get("denominator")).longValue()).isEqualTo(arrangementsBySql());
        assertThat(((Number) figure.get("value")).doubleValue()).isLessThan(100.0);
        assertThat(figure.get("unit")).isEqualTo("%");
        assertThat(evidence)
                .allSatisfy(e -> assertThat((String) e.get("url")).matches("/plans/" + plan2025 + "#a\\d+"));
        assertThat(evidence).noneSatisfy(e -> assertThat(e.get("id")).isEqualTo((int) august));
    }

    @Test
    void yearWithoutApprovedPlanHasNoExecutionRate() throws Exception {
        Map<String, Object> figure = executionRate(2026);
        assertThat(figure.get("value")).isNull();
        assertThat(evidence(2026)).isEmpty();
    }

    @Test
    void linkingAHeldSessionExecutesTheArrangementAndRaisesTheRate() throws Exception {
        long before = ((Number) executionRate(2025).get("numerator")).longValue();
        long readingClass = heldSessionOfXj("2025-08-21");
        try {
            mvc.perform(get("/plans/" + plan2025 + "/arrangements/" + august + "/sessions")
                            .with(as(accounts, "clerk")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("理论学习读书班")));
            mvc.perform(post("/plans/" + plan2025 + "/arrangements/" + august + "/sessions")
                            .with(as(accounts, "clerk"))
                            .with(csrf().asHeader())
                            .param("sessionIds", String.valueOf(readingClass)))
                    .andExpect(status().is3xxRedirection());
            mvc.perform(get("/api/v1/plans/" + plan2025).with(as(accounts, "clerk")))
                    .andExpect(jsonPath("$.arrangements[?(@.id==" + august + ")].executed")
                            .value(true))
                    .andExpect(jsonPath("$.arrangements[?(@.id==" + august + ")].sessions[0].status")
                            .value("HELD"));
            assertThat(((Number) executionRate(2025).get("numerator")).longValue())
                    .isEqualTo(before + 1)
                    .isEqualTo(executedBySql());
        } finally {
            mvc.perform(put("/api/v1/plans/" + plan2025 + "/arrangements/" + august + "/sessions")
                            .with(as(accounts, "clerk"))
                            .with(csrf().asHeader())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("[]"))
                    .andExpect(status().isOk());
        }
        assertThat(((Number) executionRate(2025).get("numerator")).longValue()).isEqualTo(before);
    }

    @Test
    void onlySessionsOfTheSameOrganisationAndYearCanBeLinked() throws Exception {
        long unitSession = jdbc.sql("select min(s.id) from session_study_session s join org_unit o on o.id = s.org_id"
                        + " where o.code = 'XJ-01'")
                .query(Long.class)
                .single();
        mvc.perform(put("/api/v1/plans/" + plan2025 + "/arrangements/" + august + "/sessions")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[" + unitSession + "]"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("只能关联本单位本年度的集中学习"));
        mvc.perform(put("/api/v1/plans/" + plan2026 + "/arrangements/" + august + "/sessions")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[]"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("该月度安排不属于本学习计划"));
    }

    @Test
    void emptyYearShowsTheEmptyStateWithNewButtonForTheClerkOnly() throws Exception {
        for (String username : new String[] {"clerk", "member"}) {
            MockHttpSession session = new MockHttpSession();
            mvc.perform(post("/context")
                            .session(session)
                            .with(as(accounts, username))
                            .with(csrf().asHeader())
                            .param("orgCode", "XJ")
                            .param("year", "2039"))
                    .andExpect(status().is3xxRedirection());
            var page = mvc.perform(get("/plans").session(session).with(as(accounts, username)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("本年度尚未制定学习计划")));
            if (username.equals("clerk")) {
                page.andExpect(content().string(containsString("id=\"new-plan\"")));
            } else {
                page.andExpect(content().string(not(containsString("id=\"new-plan\""))));
            }
        }
        mvc.perform(get("/api/v1/orgs/XJ/years/2039/plan").with(as(accounts, "clerk")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("本年度尚未制定学习计划"));
    }

    @Test
    void memberReadsThePlanButCannotOpenClerkPagesOrAct() throws Exception {
        var member = as(accounts, "member");
        mvc.perform(get("/plans/" + plan2026).with(member)).andExpect(status().isOk());
        mvc.perform(get("/plans/" + plan2026 + "/edit").with(member)).andExpect(status().isForbidden());
        mvc.perform(get("/plans/" + plan2026 + "/arrangements/new").with(member))
                .andExpect(status().isForbidden());
        mvc.perform(get("/plans/" + plan2025 + "/arrangements/" + august + "/sessions")
                        .with(member))
                .andExpect(status().isForbidden());
        mvc.perform(post("/plans").with(member).with(csrf().asHeader())).andExpect(status().isForbidden());
        mvc.perform(post("/plans/" + plan2026 + "/submit")
                        .with(member)
                        .with(csrf().asHeader())
                        .param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/plans/" + plan2026 + "/submit")
                        .param("version", "0")
                        .with(member)
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/plans/" + plan2026).with(member))
                .andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void unitClerkGets404ForTheBureausPlanAndCannotChangeIt() throws Exception {
        var unitClerk = as(accounts, "unitclerk");
        mvc.perform(get("/plans/" + plan2025).with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(get("/plans/" + plan2026 + "/edit").with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(get("/plans/" + plan2025 + "/arrangements/" + august + "/sessions")
                        .with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(post("/plans/" + plan2026 + "/submit")
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .param("version", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/plan").with(unitClerk))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://studyledger.cn/problems/not-found"));
        mvc.perform(get("/api/v1/plans/" + plan2025).with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/orgs/XJ/years/2040/plan").with(unitClerk).with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/plans/" + plan2026)
                        .param("version", "0")
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"themes\":[\"越权\"]}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/plans/" + plan2026 + "/submit")
                        .param("version", "0")
                        .with(unitClerk)
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/plans/" + plan2025 + "/arrangements/" + august + "/sessions")
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[]"))
                .andExpect(status().isNotFound());
        // A clerk holds no approval permission anywhere, so approving is refused before the scope is asked.
        mvc.perform(post("/api/v1/plans/" + plan2026 + "/approve")
                        .param("version", "0")
                        .with(unitClerk)
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/orgs/XJ/years/2040/plan").with(as(accounts, "clerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/plans/" + plan2026).with(as(accounts, "clerk")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.themes", not(org.hamcrest.Matchers.hasItem("越权"))));
    }

    @Test
    void superiorReadsThePlanButCannotSubmitOrApprove() throws Exception {
        var superior = as(accounts, "superior");
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/plan").with(superior))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actions.edit").value(false))
                .andExpect(jsonPath("$.actions.link").value(false));
        mvc.perform(get("/plans/" + plan2025).with(superior))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("计划执行：已落实")));
        mvc.perform(post("/api/v1/plans/" + plan2026 + "/submit")
                        .param("version", "0")
                        .with(superior)
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/plans/" + plan2026 + "/approve")
                        .param("version", "0")
                        .with(superior)
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/plans/" + plan2026 + "/edit").with(superior)).andExpect(status().isForbidden());
    }
}
