package cn.studyledger.session;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leave and make-up follow the rules: the clerk marking 请假 on the attendance sheet gives the reason and either
 * names who approved it or routes it to the 组长, whose decision then records it; a make-up done after its due date
 * is late and does not count as 按期补学 in attendance.rate.
 */
@IntegrationTest
@Transactional
class LeaveAndMakeUpFollowTheRulesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    long person(String role) {
        return jdbc.sql("""
                        select m.person_id from org_membership m join org_unit o on o.id = m.org_id
                        where o.code = 'XJ' and m.study_year = 2025 and m.role = ? order by m.person_id limit 1""").param(role).query(Long.class).single();
    }

    long plannedSession() throws Exception {
        return PlannedSessions.create(
                mvc, accounts, "XJ", "clerk", "请假规则测试学习", LocalDate.of(2025, 12, 29), java.time.LocalTime.of(9, 0));
    }

    MockHttpServletRequestBuilder sheet(long session) {
        return post("/sessions/" + session + "/attendance")
                .with(as(accounts, "clerk"))
                .with(csrf())
                .param(
                        "version",
                        String.valueOf(jdbc.sql("select version from session_study_session where id = ?")
                                .param(session)
                                .query(Long.class)
                                .single()));
    }

    String attendance(long session, long person) {
        return jdbc.sql("select status from session_attendance where session_id = ? and person_id = ?")
                .params(session, person)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    List<String> requests(long session, long person) {
        return jdbc.sql("select status || ':' || coalesce(decided_by, '') from session_leave_request"
                        + " where session_id = ? and person_id = ?")
                .params(session, person)
                .query(String.class)
                .list();
    }

    @Test
    void aLeaveWithoutItsReasonIsRefused() throws Exception {
        long session = plannedSession();
        long member = person("MEMBER");
        mvc.perform(sheet(session).param("status_" + member, "LEAVE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("的请假事由")));
        assertThat(attendance(session, member)).isNull();
        assertThat(requests(session, member)).isEmpty();
    }

    @Test
    void aLeaveApprovedInPersonIsRecordedWithItsApprover() throws Exception {
        long session = plannedSession();
        long member = person("MEMBER");
        long leader = person("LEADER");
        mvc.perform(sheet(session)
                        .param("status_" + member, "LEAVE")
                        .param("leaveReason_" + member, "参加上级调研")
                        .param("leaveApprovedBy_" + member, String.valueOf(leader))
                        .param("others", "PRESENT"))
                .andExpect(status().is3xxRedirection());

        assertThat(attendance(session, member)).isEqualTo("LEAVE");
        String leaderName = jdbc.sql("select name from org_person where id = ?")
                .param(leader)
                .query(String.class)
                .single();
        assertThat(requests(session, member)).containsExactly("APPROVED:" + leaderName);
        assertThat(attendance(session, leader)).isEqualTo("PRESENT");
    }

    @Test
    void theMakeUpIsDueWithinTheDaysOfTheYearsRuleTable() throws Exception {
        // the year's rule table as the clerk first sees it, with the 补学期限 set to 15 days
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/rules").with(as(accounts, "clerk")))
                .andExpect(status().isOk());
        int changed = jdbc.sql("""
                        update rules_setting set param1 = 15 where rule_key = 'attendance.makeUp' and rule_year = 2025
                          and org_id = (select id from org_unit where code = 'XJ')""").update();
        assertThat(changed).as("X局's 2025 rule table has the rule").isEqualTo(1);
        long session = plannedSession();
        long member = person("MEMBER");
        mvc.perform(sheet(session)
                        .param("status_" + member, "LEAVE")
                        .param("leaveReason_" + member, "参加上级调研")
                        .param("leaveApprovedBy_" + member, String.valueOf(person("LEADER"))))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select make_up_due_on from session_attendance where session_id = ? and person_id = ?")
                        .params(session, member)
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.of(2025, 12, 29).plusDays(15));
    }

    @Test
    void aMemberCannotBeNamedAsTheApprover() throws Exception {
        long session = plannedSession();
        long member = person("MEMBER");
        long other = jdbc.sql("""
                        select m.person_id from org_membership m join org_unit o on o.id = m.org_id
                        where o.code = 'XJ' and m.study_year = 2025 and m.role = 'MEMBER' and m.person_id <> ?
                        order by m.person_id limit 1""").param(member).query(Long.class).single();
        mvc.perform(sheet(session)
                        .param("status_" + member, "LEAVE")
                        .param("leaveReason_" + member, "外出学习")
                        .param("leaveApprovedBy_" + member, String.valueOf(other)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("请假须由组长批准")));
        assertThat(attendance(session, member)).isNull();
    }

    @Test
    void aRoutedLeaveWaitsForTheLeaderAndAllPresentLeavesItWaiting() throws Exception {
        long session = plannedSession();
        long member = person("MEMBER");
        mvc.perform(sheet(session)
                        .param("status_" + member, "LEAVE")
                        .param("leaveReason_" + member, "因公出差")
                        .param("others", "PRESENT"))
                .andExpect(status().is3xxRedirection());
        assertThat(attendance(session, member)).as("waits for the decision").isNull();
        assertThat(requests(session, member)).containsExactly("REQUESTED:");

        String pending = mvc.perform(get("/api/v1/orgs/XJ/leaves/pending").with(as(accounts, "leader")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> ids = JsonPath.read(pending, "$[?(@.sessionId == " + session + ")].id");
        assertThat(ids).hasSize(1);
        mvc.perform(post("/leaves/" + ids.get(0) + "/decision")
                        .with(as(accounts, "leader"))
                        .with(csrf())
                        .param("version", "0")
                        .param("approve", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(attendance(session, member)).isEqualTo("LEAVE");
    }

    @Test
    void aLateMakeUpDoesNotCountAsOnTime() throws Exception {
        long before = numerator();
        // a held session's leave, made up one day after its due date
        Long row = jdbc.sql("""
                        select a.id from session_attendance a join session_study_session s on s.id = a.session_id
                        join org_unit o on o.id = s.org_id
                        where o.code = 'XJ' and s.status = 'HELD' and s.session_date between '2025-01-01' and '2025-11-30'
                          and a.attendee_role = 'MEMBER' and a.status = 'PRESENT' order by a.id limit 1""").query(Long.class).single();
        LocalDate due = LocalDate.of(2025, 12, 1);
        jdbc.sql("update session_attendance set status = 'LEAVE', make_up_due_on = ?, make_up_done_on = ? where id = ?")
                .params(due, due, row)
                .update();
        assertThat(numerator()).as("made up on its due date: 按期").isEqualTo(before);
        jdbc.sql("update session_attendance set make_up_done_on = ? where id = ?")
                .params(due.plusDays(1), row)
                .update();
        assertThat(numerator()).as("a day late: not 按期").isEqualTo(before - 1);

        String complement = mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures/attendance.rate/evidence")
                        .param("part", "complement")
                        .with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(complement).contains("晚于应补学日期" + due);
    }

    private long numerator() throws Exception {
        String json = mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures").with(as(accounts, "clerk")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> values = JsonPath.read(json, "$[?(@.key=='attendance.rate')].numerator");
        return values.get(0).longValue();
    }
}
