package cn.studyledger.session;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * A session's record keeps its history: editing keeps the identity of its agenda items (and so the first-topic
 * studies linked to them), a planned session is cancelled with its reason rather than deleted, a held one is
 * corrected with the reason recorded — and the clerk records 全部出席 with the exceptions in one step.
 */
@IntegrationTest
@Transactional
class SessionRecordKeepsItsHistoryTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    /** X局's latest first-topic item published in 2025 before December. */
    long firstTopicItem() {
        return jdbc.sql("""
                        select i.id from firsttopic_item i join org_unit o on o.id = i.org_id
                        where o.code = 'XJ' and i.published_on between '2025-01-01' and '2025-11-30'
                        order by i.published_on desc, i.id desc limit 1""").query(Long.class).single();
    }

    /** A planned session of X局 with a chosen first-topic row and two typed rows, made through the session form. */
    long plannedSession() throws Exception {
        String location = mvc.perform(post("/sessions")
                        .with(as(accounts, "clerk"))
                        .with(csrf())
                        .param("title", "学习贯彻全会精神（留痕测试）")
                        .param("date", "2025-12-29")
                        .param("startTime", "09:00")
                        .param("durationHours", "3")
                        .param("format", "DISCUSSION")
                        .param("place", "第一会议室")
                        .param("agenda[0].kind", "FIRST_TOPIC")
                        .param("agenda[0].sourceId", String.valueOf(firstTopicItem()))
                        .param("agenda[0].title", "")
                        .param("agenda[1].kind", "THEORY")
                        .param("agenda[1].title", "理论学习")
                        .param("agenda[2].kind", "DISCUSSION")
                        .param("agenda[2].title", "交流研讨"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    List<Long> agendaIds(long session) {
        return jdbc.sql("select id from session_agenda_item where session_id = ? order by position")
                .param(session)
                .query(Long.class)
                .list();
    }

    long version(long session) {
        return jdbc.sql("select version from session_study_session where id = ?")
                .param(session)
                .query(Long.class)
                .single();
    }

    String statusOf(long session) {
        return jdbc.sql("select status from session_study_session where id = ?")
                .param(session)
                .query(String.class)
                .single();
    }

    /** The session form as posted back by the page: the same rows, each with its item's id. */
    MockHttpServletRequestBuilder edit(long session, List<Long> ids, String place, String theoryTitle) {
        return post("/sessions/" + session)
                .with(as(accounts, "clerk"))
                .with(csrf())
                .param("version", String.valueOf(version(session)))
                .param("title", "学习贯彻全会精神（留痕测试）")
                .param("date", "2025-12-29")
                .param("startTime", "09:00")
                .param("durationHours", "3")
                .param("format", "DISCUSSION")
                .param("place", place)
                .param("agenda[0].id", String.valueOf(ids.get(0)))
                .param("agenda[0].kind", "FIRST_TOPIC")
                .param("agenda[0].sourceId", String.valueOf(firstTopicItem()))
                .param("agenda[0].title", "")
                .param("agenda[1].id", String.valueOf(ids.get(1)))
                .param("agenda[1].kind", "THEORY")
                .param("agenda[1].title", theoryTitle)
                .param("agenda[2].id", String.valueOf(ids.get(2)))
                .param("agenda[2].kind", "DISCUSSION")
                .param("agenda[2].title", "交流研讨");
    }

    @Test
    void editingASessionKeepsItsAgendaItemsAndTheFirstTopicLink() throws Exception {
        long session = plannedSession();
        List<Long> ids = agendaIds(session);
        assertThat(ids).hasSize(3);
        mvc.perform(get("/sessions/" + session + "/edit").with(as(accounts, "clerk")))
                .andExpect(content().string(containsString("name=\"agenda[1].id\" value=\"" + ids.get(1) + "\"")));

        mvc.perform(edit(session, ids, "第二会议室", "理论学习：党的创新理论")).andExpect(status().is3xxRedirection());

        assertThat(agendaIds(session))
                .as("a changed place and a changed row title keep every item")
                .isEqualTo(ids);
        assertThat(jdbc.sql("select title from session_agenda_item where id = ?")
                        .param(ids.get(1))
                        .query(String.class)
                        .single())
                .isEqualTo("理论学习：党的创新理论");
        assertThat(jdbc.sql("select agenda_item_id from firsttopic_study where session_id = ?")
                        .param(session)
                        .query(Long.class)
                        .single())
                .as("the first-topic study still points to the session's own item")
                .isEqualTo(ids.get(0));

        // an API client that sends the agenda again without ids keeps the items too
        String json = """
                {"title":"学习贯彻全会精神（留痕测试）","date":"2025-12-29","startTime":"09:00","durationHours":3,
                 "place":"第三会议室","format":"DISCUSSION",
                 "agenda":[{"kind":"FIRST_TOPIC","sourceId":%d},{"kind":"THEORY","title":"理论学习：党的创新理论"},
                           {"kind":"DISCUSSION","title":"交流研讨"}]}""".formatted(firstTopicItem());
        mvc.perform(put("/api/v1/sessions/" + session)
                        .param("version", String.valueOf(version(session)))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
        assertThat(agendaIds(session)).isEqualTo(ids);
    }

    @Test
    void aRemovedRowGoesAndANewRowIsAddedWhileTheOthersStay() throws Exception {
        long session = plannedSession();
        List<Long> ids = agendaIds(session);
        mvc.perform(post("/sessions/" + session)
                        .with(as(accounts, "clerk"))
                        .with(csrf())
                        .param("version", String.valueOf(version(session)))
                        .param("title", "学习贯彻全会精神（留痕测试）")
                        .param("date", "2025-12-29")
                        .param("durationHours", "3")
                        .param("format", "DISCUSSION")
                        .param("agenda[0].id", String.valueOf(ids.get(2)))
                        .param("agenda[0].kind", "DISCUSSION")
                        .param("agenda[0].title", "交流研讨")
                        .param("agenda[1].id", String.valueOf(ids.get(0)))
                        .param("agenda[1].kind", "FIRST_TOPIC")
                        .param("agenda[1].sourceId", String.valueOf(firstTopicItem()))
                        .param("agenda[2].kind", "DOCUMENT")
                        .param("agenda[2].title", "部署下阶段学习"))
                .andExpect(status().is3xxRedirection());

        List<Long> after = agendaIds(session);
        assertThat(after).hasSize(3);
        assertThat(after.subList(0, 2))
                .as("moved rows keep their items, in the new order")
                .containsExactly(ids.get(2), ids.get(0));
        assertThat(after.get(2)).isNotIn(ids);
    }

    @Test
    void aPlannedSessionIsCancelledWithItsReasonAndThenTakesNothingMore() throws Exception {
        long session = plannedSession();
        mvc.perform(post("/sessions/" + session + "/cancel")
                        .with(as(accounts, "clerk"))
                        .with(csrf())
                        .param("version", String.valueOf(version(session)))
                        .param("reason", " "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("请填写取消原因")));
        assertThat(statusOf(session)).isEqualTo("PLANNED");

        mvc.perform(post("/sessions/" + session + "/cancel")
                        .with(as(accounts, "clerk"))
                        .with(csrf())
                        .param("version", String.valueOf(version(session)))
                        .param("reason", "因上级会议冲突，改期举行"))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(session)).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select count(*) from common_audit_event where object_id = ? and summary like ?")
                        .param(String.valueOf(session))
                        .param("%因上级会议冲突，改期举行%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(get("/sessions/" + session).with(as(accounts, "clerk")))
                .andExpect(content().string(containsString("因上级会议冲突，改期举行")))
                .andExpect(content().string(containsString("已取消")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"mark-held\""))));

        mvc.perform(post("/sessions/" + session + "/held")
                        .with(as(accounts, "clerk"))
                        .with(csrf())
                        .param("version", String.valueOf(version(session))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("本次学习已取消")));
        mvc.perform(post("/sessions/" + session + "/leave")
                        .with(as(accounts, "member"))
                        .with(csrf())
                        .param("reason", "出差"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("本次学习已取消")));
    }

    @Test
    void aHeldSessionIsNotCancelledButCorrectedWithItsReason() throws Exception {
        long held = jdbc.sql("""
                        select s.id from session_study_session s join org_unit o on o.id = s.org_id
                        where o.code = 'XJ' and s.status = 'HELD' order by s.session_date desc limit 1""").query(Long.class).single();
        mvc.perform(post("/sessions/" + held + "/cancel")
                        .with(as(accounts, "clerk"))
                        .with(csrf())
                        .param("version", String.valueOf(version(held)))
                        .param("reason", "误录"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("已举行的学习不能取消")));

        String json = mvc.perform(get("/api/v1/sessions/" + held).with(as(accounts, "clerk")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long person = ((Number) JsonPath.read(json, "$.attendance[0].personId")).longValue();
        String before = JsonPath.read(json, "$.attendance[0].status");
        String other = before.equals("PRESENT") ? "ABSENT" : "PRESENT";
        mvc.perform(post("/sessions/" + held + "/attendance")
                        .with(as(accounts, "clerk"))
                        .with(csrf())
                        .param("version", String.valueOf(version(held)))
                        .param("status_" + person, other))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("须填写更正原因")));

        mvc.perform(post("/sessions/" + held + "/attendance")
                        .with(as(accounts, "clerk"))
                        .with(csrf())
                        .param("version", String.valueOf(version(held)))
                        .param("status_" + person, other)
                        .param("reason", "核对签到表，考勤登记有误"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select reason from session_correction where session_id = ?")
                        .param(held)
                        .query(String.class)
                        .list())
                .containsExactly("核对签到表，考勤登记有误");
        mvc.perform(get("/sessions/" + held).with(as(accounts, "clerk")))
                .andExpect(content().string(containsString("更正记录")))
                .andExpect(content().string(containsString("核对签到表，考勤登记有误")));
        mvc.perform(get("/sessions/" + held + "/edit").with(as(accounts, "clerk")))
                .andExpect(content().string(containsString("name=\"reason\"")));
    }

    @Test
    void allPresentWithTheExceptionsIsOneStep() throws Exception {
        long session = plannedSession();
        List<Long> people = jdbc.sql("select person_id from session_attendance where session_id = ? order by id")
                .param(session)
                .query(Long.class)
                .list();
        assertThat(people).hasSizeGreaterThan(2);
        mvc.perform(post("/sessions/" + session + "/attendance")
                        .with(as(accounts, "clerk"))
                        .with(csrf())
                        .param("version", String.valueOf(version(session)))
                        .param("status_" + people.get(0), "ABSENT")
                        .param("status_" + people.get(1), "")
                        .param("others", "PRESENT"))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("select status from session_attendance where session_id = ? order by id")
                        .param(session)
                        .query(String.class)
                        .list())
                .startsWith("ABSENT", "PRESENT")
                .doesNotContainNull()
                .containsOnly("ABSENT", "PRESENT")
                .filteredOn("PRESENT"::equals)
                .hasSize(people.size() - 1);
    }

    @Test
    void aDateOutsideTheWorkingYearIsSavedOnlyOnceConfirmed() throws Exception {
        MockHttpServletRequestBuilder typo = post("/sessions")
                .with(as(accounts, "clerk"))
                .with(csrf())
                .param("title", "日期笔误测试学习")
                .param("date", "2035-12-29")
                .param("durationHours", "3")
                .param("format", "COLLECTIVE");
        mvc.perform(typo)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不在当前工作年度（2025年）内")))
                .andExpect(content().string(containsString("name=\"confirmYear\"")))
                .andExpect(content().string(containsString("value=\"2035-12-29\"")));
        assertThat(jdbc.sql("select count(*) from session_study_session where title = '日期笔误测试学习'")
                        .query(Long.class)
                        .single())
                .isZero();

        mvc.perform(typo.param("confirmYear", "true")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from session_study_session where title = '日期笔误测试学习'")
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void anotherOrganisationsClerkCannotCancelTheSession() throws Exception {
        long session = plannedSession();
        mvc.perform(post("/sessions/" + session + "/cancel")
                        .with(as(accounts, "unitclerk"))
                        .with(csrf())
                        .param("version", String.valueOf(version(session)))
                        .param("reason", "越权取消"))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
        mvc.perform(post("/api/v1/sessions/" + session + "/cancel")
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(session)))
                        .param("reason", "越权取消"))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
        assertThat(statusOf(session)).isEqualTo("PLANNED");
    }
}
