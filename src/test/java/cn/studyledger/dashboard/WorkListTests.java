package cn.studyledger.dashboard;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import cn.studyledger.tracking.WorkingCalendar;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The work list (首页待办 and {@code GET /api/v1/me/todos}) counts what is due as of the office's today, whatever the
 * working year (the demo works in 2025): a planned session of this month, one of an earlier year never marked held,
 * a make-up owed since an earlier year; its links open the year of their records.
 */
@IntegrationTest
@Transactional
class WorkListTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    WorkingCalendar calendar;

    @Test
    void theClerkSeesThisMonthsPlannedSessionWhileWorkingInAnotherYear() throws Exception {
        LocalDate today = LocalDate.now(clock);
        movePlannedSessionTo(today);

        Map<String, Object> planned = only(todos("clerk"), "session.planned");
        assertThat(planned)
                .containsEntry("year", today.getYear())
                .containsEntry("orgCode", "XJ")
                .containsEntry("overdue", false)
                .containsEntry("due", today.toString())
                .containsEntry("url", "/sessions?status=PLANNED&workYear=" + today.getYear())
                .containsKeys("title", "count");
        assertThat(((Number) planned.get("count")).intValue()).isPositive();
    }

    @Test
    void aSessionOfAnEarlierYearNeverMarkedHeldIsOverdueAndItsLinkOpensThatYear() throws Exception {
        LocalDate longAgo = LocalDate.now(clock).minusYears(2).withDayOfMonth(1);
        String title = movePlannedSessionTo(longAgo);

        Map<String, Object> unrecorded = only(todos("clerk"), "session.unrecorded");
        assertThat(unrecorded).containsEntry("overdue", true).containsEntry("year", longAgo.getYear());

        MockHttpSession session = new MockHttpSession();
        String home = page("/", session);
        assertThat(home).contains("已过日期但未标记举行的集中学习").contains("（" + longAgo.getYear() + "年度）");
        String list = page((String) unrecorded.get("url"), session);
        assertThat(list).contains(title);
        assertThat(page("/sessions", session))
                .as("the working year stays switched")
                .contains(title);
    }

    @Test
    void aMembersMakeUpOwedSinceAnEarlierYearIsOnTheirList() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long personId = jdbc.sql("select person_id from org_account where username = 'member'")
                .query(Long.class)
                .single();
        long attendanceId = jdbc.sql("""
                        select a.id from session_attendance a join session_study_session s on s.id = a.session_id
                        where a.person_id = ? and s.status = 'HELD' order by s.session_date fetch first 1 rows only""").param(personId).query(Long.class).single();
        LocalDate due = today.minusDays(10);
        jdbc.sql(
                        "update session_attendance set status = 'LEAVE', make_up_due_on = ?, make_up_done_on = null where id = ?")
                .param(due)
                .param(attendanceId)
                .update();

        Map<String, Object> owed = only(todos("member"), "makeup.open");
        assertThat(owed)
                .containsEntry("overdue", true)
                .containsEntry("due", due.toString())
                .containsEntry("count", 1);
        assertThat((String) owed.get("url")).startsWith("/my?workYear=");
        assertThat(todos("member"))
                .extracting(t -> t.get("kind"))
                .as("a member decides no leave and records no session")
                .doesNotContain("leave.pending", "session.planned", "session.unrecorded");
    }

    @Test
    void overdueFollowUpTasksAreCountedWithTheEarliestDueDate() throws Exception {
        LocalDate today = LocalDate.now(clock);
        List<Long> tasks = jdbc.sql("select t.id from firsttopic_task t join org_unit o on o.id = t.org_id"
                        + " where o.code = 'XJ' order by t.id fetch first 2 rows only")
                .query(Long.class)
                .list();
        assertThat(tasks).hasSize(2);
        jdbc.sql("update firsttopic_task set status = 'OPEN', due_on = ? where id = ?")
                .param(today.minusDays(30))
                .param(tasks.get(0))
                .update();
        jdbc.sql("update firsttopic_task set status = 'OPEN', due_on = ? where id = ?")
                .param(today.minusDays(3))
                .param(tasks.get(1))
                .update();
        long open = jdbc.sql("select count(*) from firsttopic_task t join org_unit o on o.id = t.org_id"
                        + " where o.code = 'XJ' and t.status = 'OPEN' and t.due_on < ?")
                .param(today)
                .query(Long.class)
                .single();

        Map<String, Object> overdue = only(todos("clerk"), "overdue.firsttopic.task");
        assertThat(overdue)
                .containsEntry("overdue", true)
                .containsEntry("count", (int) open)
                .containsEntry("url", "/tracking/overdue?kind=firsttopic.task");
        assertThat((String) overdue.get("due"))
                .isLessThanOrEqualTo(today.minusDays(30).toString());
        assertThat(todos("clerk").get(0)).as("overdue items come first").containsEntry("overdue", true);
    }

    @Test
    void eachVisitStageIsOnTheListOfWhoActsNextDueByTheRuleSettingsPeriods() throws Exception {
        LocalDate today = LocalDate.now(clock);
        LocalDate session = today.plusDays(20);
        long visit = jdbc.sql("""
                        select v.id from supervision_visit v join org_unit o on o.id = v.superior_org_id
                        where o.code = 'XJ' and v.stage = 'PLANNED' order by v.id fetch first 1 rows only""").query(Long.class).single();
        long unit = jdbc.sql("select org_id from org_account where username = 'unitclerk'")
                .query(Long.class)
                .single();
        jdbc.sql("update supervision_visit set unit_org_id = ?, planned_on = ? where id = ?")
                .param(unit)
                .param(session)
                .param(visit)
                .update();
        // the bureau's rule table of that year: 小结 within 1 working day, materials 2 working days ahead
        jdbc.sql("delete from rules_setting where org_id = (select id from org_unit where code = 'XJ')"
                        + " and rule_year = ? and rule_key = 'supervision.summary'")
                .param(session.getYear())
                .update();
        jdbc.sql("insert into rules_setting (org_id, rule_year, rule_key, enabled, param1, param2, source, version,"
                        + " created_at) select id, ?, 'supervision.summary', true, 1, 2, '本局列席旁听工作办法', 0,"
                        + " current_timestamp from org_unit where code = 'XJ'")
                .param(session.getYear())
                .update();

        assertThat(only(todos("unitclerk"), "supervision.materials"))
                .containsEntry("due", calendar.before(session, 2).toString())
                .containsEntry("overdue", false)
                .containsEntry("year", session.getYear());
        assertThat(todos("clerk")).extracting(t -> t.get("kind")).doesNotContain("supervision.materials");

        stage(visit, "MATERIALS_SUBMITTED", session);
        assertThat(only(todos("clerk"), "supervision.review")).containsEntry("due", session.toString());
        assertThat(todos("unitclerk")).extracting(t -> t.get("kind")).doesNotContain("supervision.materials");

        LocalDate held = today.minusDays(7);
        stage(visit, "OBSERVED", held);
        assertThat(only(todos("clerk"), "supervision.summary"))
                .containsEntry("due", calendar.after(held, 1).toString())
                .containsEntry("overdue", true)
                .containsEntry("year", held.getYear());
    }

    private void stage(long visit, String stage, LocalDate plannedOn) {
        jdbc.sql("update supervision_visit set stage = ?, planned_on = ? where id = ?")
                .param(stage)
                .param(plannedOn)
                .param(visit)
                .update();
    }

    @Test
    void theListIsOfTheUsersOwnOrganisationUntilTheySwitch() throws Exception {
        assertThat(todos("member")).isNotEmpty().allSatisfy(t -> assertThat(t).containsEntry("orgCode", "XJ"));
    }

    private String movePlannedSessionTo(LocalDate date) {
        Map<String, Object> planned = jdbc.sql("""
                        select s.id, s.title from session_study_session s join org_unit o on o.id = s.org_id
                        where o.code = 'XJ' and s.status = 'PLANNED' order by s.id fetch first 1 rows only""").query().singleRow();
        jdbc.sql("update session_study_session set session_date = ? where id = ?")
                .param(date)
                .param(planned.get("id"))
                .update();
        return (String) planned.get("title");
    }

    private List<Map<String, Object>> todos(String username) throws Exception {
        String body = mvc.perform(get("/api/v1/me/todos").with(as(accounts, username)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JSON.readValue(body, new TypeReference<>() {});
    }

    private static Map<String, Object> only(List<Map<String, Object>> todos, String kind) {
        List<Map<String, Object>> found =
                todos.stream().filter(t -> kind.equals(t.get("kind"))).toList();
        assertThat(found).as(kind + " in " + todos).hasSize(1);
        return found.get(0);
    }

    private String page(String url, MockHttpSession session) throws Exception {
        return mvc.perform(get(url).session(session).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
