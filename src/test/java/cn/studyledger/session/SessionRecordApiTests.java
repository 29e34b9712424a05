package cn.studyledger.session;

import static cn.studyledger.Logins.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/** The session's records and the members' own actions through the API, with their scope rules. */
@IntegrationTest
@Transactional
class SessionRecordApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.with(csrf().asHeader())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    long planned() throws Exception {
        String created = mvc.perform(json(post("/api/v1/orgs/XJ/sessions"), """
                                {"title":"接口测试学习","date":"2026-12-20","durationHours":3,"format":"COLLECTIVE"}""").with(as(accounts, "clerk")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    long version(long id) {
        return jdbc.sql("select version from session_study_session where id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    @Test
    void planLeaveAndSpeechesWorkThroughTheApi() throws Exception {
        long id = planned();
        mvc.perform(json(
                                post("/api/v1/sessions/" + id + "/plan").param("version", "" + version(id)),
                                "{\"text\":\"方案\"}")
                        .with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.studyPlan.status").value("SUBMITTED"));
        mvc.perform(json(
                                post("/api/v1/sessions/" + id + "/plan/decision")
                                        .param("version", "" + version(id)),
                                "{\"approve\":false,\"comment\":\"\"}")
                        .with(as(accounts, "leader")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("请填写意见")));
        mvc.perform(json(
                                post("/api/v1/sessions/" + id + "/plan/decision")
                                        .param("version", "" + version(id)),
                                "{\"approve\":true}")
                        .with(as(accounts, "leader")))
                .andExpect(jsonPath("$.studyPlan.status").value("APPROVED"));

        mvc.perform(json(post("/api/v1/sessions/" + id + "/leave"), "{\"text\":\"\"}")
                        .with(as(accounts, "member")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        String leave = mvc.perform(json(post("/api/v1/sessions/" + id + "/leave"), "{\"text\":\"外出开会\"}")
                        .with(as(accounts, "member")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long leaveId = ((Number) JsonPath.read(leave, "$.id")).longValue();
        mvc.perform(get("/api/v1/orgs/XJ/leaves/pending").with(as(accounts, "leader")))
                .andExpect(jsonPath("$[?(@.id==" + leaveId + ")].reason").value("外出开会"));
        mvc.perform(json(post("/api/v1/leaves/" + leaveId + "/decision").param("version", "0"), "{\"approve\":true}")
                        .with(as(accounts, "member")))
                .andExpect(status().isForbidden());
        mvc.perform(json(post("/api/v1/leaves/" + leaveId + "/decision").param("version", "0"), "{\"approve\":true}")
                        .with(as(accounts, "leader")))
                .andExpect(jsonPath("$.status").value("APPROVED"));

        long liuFang = jdbc.sql("select p.id from org_person p join org_unit o on o.id = p.org_id"
                        + " where o.code = 'XJ' and p.name = '刘芳'")
                .query(Long.class)
                .single();
        mvc.perform(json(
                                post("/api/v1/sessions/" + id + "/speeches"),
                                "{\"personId\":" + liuFang + ",\"kind\":\"EXCHANGE\",\"title\":\"交流体会\"}")
                        .with(as(accounts, "clerk")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.speeches[0].speaker").value("刘芳"));
        mvc.perform(json(
                                post("/api/v1/sessions/" + id + "/speeches"),
                                "{\"personId\":" + liuFang + ",\"kind\":\"KEY\",\"title\":\"无提纲\"}")
                        .with(as(accounts, "clerk")))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(json(
                                post("/api/v1/sessions/" + id + "/speeches"),
                                "{\"personId\":" + liuFang + ",\"kind\":\"EXCHANGE\",\"title\":\"越权\"}")
                        .with(as(accounts, "member")))
                .andExpect(status().isForbidden());
        mvc.perform(json(
                                put("/api/v1/sessions/" + id + "/minutes").param("version", "" + version(id)),
                                "{\"text\":\"记录\"}")
                        .with(as(accounts, "clerk")))
                .andExpect(jsonPath("$.minutes").value("记录"));
    }

    @Test
    void anotherOrganisationCannotReachTheSessionsRecords() throws Exception {
        long id = planned();
        var unitClerk = as(accounts, "unitclerk");
        mvc.perform(json(
                                post("/api/v1/sessions/" + id + "/plan").param("version", "" + version(id)),
                                "{\"text\":\"越权\"}")
                        .with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(json(
                                post("/api/v1/sessions/" + id + "/speeches"),
                                "{\"personId\":1,\"kind\":\"EXCHANGE\",\"title\":\"x\"}")
                        .with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(json(put("/api/v1/sessions/" + id + "/minutes").param("version", "0"), "{\"text\":\"x\"}")
                        .with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/sessions/" + id + "/attendees/1")
                        .with(csrf().asHeader())
                        .with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/sessions/" + id + "/checkin")
                        .param("t", "x")
                        .with(csrf().asHeader())
                        .with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orgs/XJ/leaves/pending").with(as(accounts, "clerk")))
                .andExpect(status().isForbidden());
    }
}
