package cn.studyledger.security;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * 不自批 (issue 12, part 6): every approval is decided by someone other than the one who asked — the 组长's leave by
 * the 副组长 (or recorded as 报备 where there is none), a 学习方案, plan or report not by whoever submitted it. Each
 * test runs in a transaction rolled back afterwards, so the demo data stays as it was.
 */
@IntegrationTest
@Transactional
class NobodyDecidesTheirOwnRequestTests {

    static final String OWN = "不能审批本人提交的";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    /** A planned session of X局 in 2026 (the group of 2026 is expected), created by the clerk. */
    long plannedSession(String title) throws Exception {
        String body = """
                {"title":"%s","date":"2026-12-18","startTime":"09:00","durationHours":3,"format":"COLLECTIVE",
                 "agenda":[{"kind":"FIRST_TOPIC","title":"重要讲话"}]}""".formatted(title);
        String json = mvc.perform(post("/api/v1/orgs/XJ/sessions")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    long leaderLeave(long session, String reason) throws Exception {
        mvc.perform(post("/sessions/" + session + "/leave")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .param("reason", reason))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from session_leave_request where session_id = ?")
                .param(session)
                .query(Long.class)
                .single();
    }

    String leaveStatus(long leave) {
        return jdbc.sql("select status from session_leave_request where id = ?")
                .param(leave)
                .query(String.class)
                .single();
    }

    String leaderAttendance(long session) {
        return jdbc.sql("""
                        select a.status from session_attendance a join org_person p on p.id = a.person_id
                        where a.session_id = ? and p.name = '王建国'""").param(session).query(String.class).optional().orElse(null);
    }

    long version(long session) {
        return jdbc.sql("select version from session_study_session where id = ?")
                .param(session)
                .query(Long.class)
                .single();
    }

    /** The 组长's account also holds the clerk's role (one person doing both jobs in a small office). */
    void leaderIsAlsoClerk() {
        jdbc.sql("""
                        insert into org_role_grant (account_id, role, org_id)
                        select a.id, 'CLERK', o.id from org_account a, org_unit o
                        where a.username = 'leader' and o.code = 'XJ'""").update();
    }

    @Test
    void leadersOwnLeaveIsRefusedToHimAndDecidedByTheDeputy() throws Exception {
        long session = plannedSession("组长请假测试");
        long leave = leaderLeave(session, "赴省厅参加专题会议");
        assertThat(leaveStatus(leave)).isEqualTo("REQUESTED");

        mvc.perform(post("/api/v1/leaves/" + leave + "/decision")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approve\":true}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("不能审批本人提交的请假申请，须由他人审批"));
        mvc.perform(post("/leaves/" + leave + "/decision")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("approve", "true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString(OWN)));
        assertThat(leaveStatus(leave)).isEqualTo("REQUESTED");
        mvc.perform(get("/leaves").with(as(accounts, "leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("赴省厅参加专题会议"))));

        // A plain member decides nobody's leave; the 副组长 sees the 组长's request and approves it.
        mvc.perform(get("/leaves").with(as(accounts, "member"))).andExpect(status().isForbidden());
        mvc.perform(post("/leaves/" + leave + "/decision")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("approve", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/my").with(as(accounts, "deputy")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("审批组长的请假")));
        mvc.perform(get("/leaves").with(as(accounts, "deputy")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("赴省厅参加专题会议")));
        mvc.perform(post("/leaves/" + leave + "/decision")
                        .with(as(accounts, "deputy"))
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("approve", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(leaveStatus(leave)).isEqualTo("APPROVED");
        assertThat(leaderAttendance(session)).isEqualTo("LEAVE");
    }

    @Test
    void aMembersLeaveIsTheLeadersToDecideNotTheDeputys() throws Exception {
        long session = plannedSession("成员请假测试");
        mvc.perform(post("/sessions/" + session + "/leave")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("reason", "下基层督导"))
                .andExpect(status().is3xxRedirection());
        long leave = jdbc.sql("select id from session_leave_request where session_id = ?")
                .param(session)
                .query(Long.class)
                .single();
        mvc.perform(get("/leaves").with(as(accounts, "deputy")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("下基层督导"))));
        mvc.perform(post("/leaves/" + leave + "/decision")
                        .with(as(accounts, "deputy"))
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("approve", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/leaves/" + leave + "/decision")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("approve", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(leaveStatus(leave)).isEqualTo("APPROVED");
    }

    @Test
    void leadersLeaveIsNotedWhereTheGroupHasNoDeputy() throws Exception {
        jdbc.sql("""
                        delete from org_membership where role = 'DEPUTY' and study_year = 2026
                          and org_id = (select id from org_unit where code = 'XJ')""").update();
        long session = plannedSession("无副组长时组长请假");
        long leave = leaderLeave(session, "参加全省生态环境工作会议");

        assertThat(leaveStatus(leave)).isEqualTo("NOTED");
        assertThat(leaderAttendance(session)).isEqualTo("LEAVE");
        mvc.perform(get("/sessions/" + session).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("参加全省生态环境工作会议（报备）")));
        mvc.perform(post("/leaves/" + leave + "/decision")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("approve", "true"))
                .andExpect(status().isUnprocessableContent());
        assertThat(leaveStatus(leave)).isEqualTo("NOTED");
        mvc.perform(post("/sessions/" + session + "/leave")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .param("reason", "再报备一次"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("已提交过")));
    }

    @Test
    void whoeverSubmittedAStudyPlanCannotDecideIt() throws Exception {
        leaderIsAlsoClerk();
        long session = plannedSession("学习方案不自批");
        mvc.perform(post("/api/v1/sessions/" + session + "/plan")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(session)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"学习目的与议程\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/sessions/" + session + "/plan/decision")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(session)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"approve\":true}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("不能审批本人提交的学习方案，须由他人审批"));
        assertThat(jdbc.sql("select study_plan_status from session_study_session where id = ?")
                        .param(session)
                        .query(String.class)
                        .single())
                .isEqualTo("SUBMITTED");
    }

    /** A year in which X局 has neither plan nor report (other tests commit theirs in years of their own). */
    int freeYear() {
        return java.util.stream.IntStream.rangeClosed(2060, 2099)
                .filter(y -> jdbc.sql("""
                                        select (select count(*) from plan_annual_plan p join org_unit o on o.id = p.org_id
                                                where o.code = 'XJ' and p.plan_year = :y)
                                             + (select count(*) from report_annual_report r join org_unit o on o.id = r.org_id
                                                where o.code = 'XJ' and r.report_year = :y)""").param("y", y).query(Long.class).single() == 0)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void whoeverSubmittedAnAnnualPlanCannotApproveIt() throws Exception {
        leaderIsAlsoClerk();
        int year = freeYear();
        String json = mvc.perform(post("/api/v1/orgs/XJ/years/" + year + "/plan")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"themes":["习近平生态文明思想"],
                                 "arrangements":[{"month":3,"topic":"传达学习全国两会精神","format":"COLLECTIVE"}]}"""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long plan = ((Number) JsonPath.read(json, "$.id")).longValue();
        json = mvc.perform(post("/api/v1/plans/" + plan + "/submit")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(((Number) JsonPath.read(json, "$.version")).longValue())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long version = ((Number) JsonPath.read(json, "$.version")).longValue();
        assertThat((Boolean) JsonPath.read(json, "$.actions.decide"))
                .as("no 批准 offered")
                .isFalse();
        mvc.perform(post("/api/v1/plans/" + plan + "/approve")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("不能审批本人提交的学习计划，须由他人审批"));
        assertThat(jdbc.sql("select status from plan_annual_plan where id = ?")
                        .param(plan)
                        .query(String.class)
                        .single())
                .isEqualTo("SUBMITTED");
    }

    @Test
    void whoeverSubmittedTheAnnualReportCannotFinaliseIt() throws Exception {
        leaderIsAlsoClerk();
        int year = freeYear();
        String json = mvc.perform(
                        get("/api/v1/orgs/XJ/years/" + year + "/report").with(as(accounts, "leader")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        json = mvc.perform(post("/api/v1/orgs/XJ/years/" + year + "/report/submit")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + JsonPath.read(json, "$.version") + ",\"confirmedGaps\":"
                                + JsonPath.parse(json).read("$.gaps[*].id").toString() + "}"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((Boolean) JsonPath.read(json, "$.actions.finalise"))
                .as("no 定稿 offered")
                .isFalse();
        mvc.perform(post("/api/v1/orgs/XJ/years/" + year + "/report/finalise")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + JsonPath.read(json, "$.version") + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("不能审批本人提交的年度报告，须由他人审批"));
        assertThat(jdbc.sql("""
                        select r.status from report_annual_report r join org_unit o on o.id = r.org_id
                        where o.code = 'XJ' and r.report_year = ?""").param(year).query(String.class).single()).isEqualTo("SUBMITTED");
    }
}
