package cn.studyledger.dashboard;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
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
