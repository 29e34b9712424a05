package cn.studyledger.session;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** A session from creation to held through the API and the pages, with the errors a user can make on the way. */
@IntegrationTest
@Transactional
class SessionLifecycleTests {

    static final String NEW_SESSION = """
            {"title":"学习贯彻全会精神专题研讨","date":"2025-12-29","startTime":"09:00","durationHours":3,
             "place":"第一会议室","format":"DISCUSSION",
             "agenda":[{"kind":"FIRST_TOPIC","title":"重要讲话精神"},{"kind":"DISCUSSION","title":"交流研讨"}]}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    long figure(String key) throws Exception {
        String json = mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures").with(as(accounts, "clerk")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> values = JsonPath.read(json, "$[?(@.key=='" + key + "')].value");
        return values.get(0).longValue();
    }

    /** Creates the session of {@link #NEW_SESSION} as the clerk and returns the answer's JSON. */
    String createSession() throws Exception {
        return mvc.perform(post("/api/v1/orgs/XJ/sessions")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NEW_SESSION))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void heldSessionIsCountedInTheFiguresAndAudited() throws Exception {
        long collective = figure("sessions.collective");
        long discussion = figure("sessions.discussion");
        long firstTopic = figure("firsttopic.sessions");

        String created = mvc.perform(post("/api/v1/orgs/XJ/sessions")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NEW_SESSION))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PLANNED"))
                .andExpect(jsonPath("$.attendance.length()").value(9))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int id = JsonPath.read(created, "$.id");
        int version = JsonPath.read(created, "$.version");
        List<Integer> people = JsonPath.read(created, "$.attendance[*].personId");
        String attendance = people.stream()
                .map(p -> "{\"personId\":" + p + ",\"status\":\"PRESENT\"}")
                .collect(Collectors.joining(",", "[", "]"));

        String recorded = mvc.perform(put("/api/v1/sessions/" + id + "/attendance")
                        .param("version", String.valueOf(version))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(attendance))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int next = JsonPath.read(recorded, "$.version");
        assertThat(next).isGreaterThan(version);

        mvc.perform(post("/api/v1/sessions/" + id + "/held")
                        .param("version", String.valueOf(next))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("HELD"));

        assertThat(figure("sessions.collective")).isEqualTo(collective + 1);
        assertThat(figure("sessions.discussion")).isEqualTo(discussion + 1);
        assertThat(figure("firsttopic.sessions")).isEqualTo(firstTopic + 1);
        assertThat(jdbc.sql("select count(*) from common_audit_event where object_type = '集中学习' and object_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void invalidSessionIsRefusedWithFieldErrorsAndNothingIsSaved() throws Exception {
        long before = jdbc.sql("select count(*) from session_study_session")
                .query(Long.class)
                .single();
        mvc.perform(post("/api/v1/orgs/XJ/sessions")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"2025-12-29\",\"durationHours\":30,\"format\":\"COLLECTIVE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://studyledger.cn/problems/validation"))
                .andExpect(jsonPath("$.errors[?(@.field=='title')].message").value("请填写学习主题"))
                .andExpect(jsonPath("$.errors[?(@.field=='durationHours')].message")
                        .value("学习时长不超过24小时"));
        mvc.perform(post("/sessions")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("title", "")
                        .param("date", "2025-12-29")
                        .param("durationHours", "0.2")
                        .param("format", "COLLECTIVE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写学习主题")))
                .andExpect(content().string(containsString("学习时长不少于0.5小时")));
        assertThat(jdbc.sql("select count(*) from session_study_session")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void malformedJsonIsAProblemNotAServerError() throws Exception {
        mvc.perform(post("/api/v1/orgs/XJ/sessions")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"x\",\"date\":\"2025-13-45\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("日期格式")));
    }

    @Test
    void secondEditorWithAStaleVersionGetsAConflictAndLosesNothing() throws Exception {
        String created = createSession();
        int id = JsonPath.read(created, "$.id");
        int version = JsonPath.read(created, "$.version");
        mvc.perform(put("/api/v1/sessions/" + id)
                        .param("version", String.valueOf(version))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NEW_SESSION.replace("专题研讨", "第一位编辑")))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/sessions/" + id)
                        .param("version", String.valueOf(version))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NEW_SESSION.replace("专题研讨", "第二位编辑")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("已被他人修改")));
        mvc.perform(get("/api/v1/sessions/" + id).with(as(accounts, "clerk")))
                .andExpect(jsonPath("$.title", containsString("第一位编辑")));
    }

    @Test
    void sessionCannotBeMarkedHeldWhileAttendanceIsMissing() throws Exception {
        String created = createSession();
        int id = JsonPath.read(created, "$.id");
        int version = JsonPath.read(created, "$.version");
        mvc.perform(post("/api/v1/sessions/" + id + "/held")
                        .param("version", String.valueOf(version))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("尚有人员未登记考勤")));
        mvc.perform(post("/sessions/" + id + "/held")
                        .param("version", String.valueOf(version))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("尚有人员未登记考勤")));
    }

    @Test
    void completedMakeUpRaisesTheParticipationRate() throws Exception {
        String json = mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures").with(as(accounts, "clerk")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int numerator = ((List<Integer>) JsonPath.read(json, "$[?(@.key=='attendance.rate')].numerator")).get(0);
        Long openLeave = jdbc.sql("""
                        select a.session_id from session_attendance a join session_study_session s on s.id = a.session_id
                        where a.status = 'LEAVE' and a.make_up_done_on is null and s.session_date = '2025-12-11'""").query(Long.class).single();
        Long person = jdbc.sql("select person_id from session_attendance where session_id = ? and status = 'LEAVE'")
                .param(openLeave)
                .query(Long.class)
                .single();
        mvc.perform(post("/sessions/" + openLeave + "/makeup")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("personId", String.valueOf(person))
                        .param("doneOn", "2025-12-20")
                        .param("note", "补学体会"))
                .andExpect(status().is3xxRedirection());
        String after = mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures").with(as(accounts, "clerk")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(((List<Integer>) JsonPath.read(after, "$[?(@.key=='attendance.rate')].numerator")).get(0))
                .isEqualTo(numerator + 1);
    }
}
