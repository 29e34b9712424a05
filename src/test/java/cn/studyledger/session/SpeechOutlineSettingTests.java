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
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/** Which speeches need an outline is the year's rule setting 发言提纲: by default only 重点发言, or every speech. */
@IntegrationTest
@Transactional
class SpeechOutlineSettingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.with(csrf().asHeader())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(as(accounts, "clerk"));
    }

    long member() {
        return jdbc.sql("""
                        select m.person_id from org_membership m join org_unit o on o.id = m.org_id
                        where o.code = 'XJ' and m.study_year = 2025 and m.role = 'MEMBER' order by m.person_id limit 1""").query(Long.class).single();
    }

    MockHttpServletRequestBuilder speech(long session, String kind) {
        return json(
                post("/api/v1/sessions/" + session + "/speeches"),
                "{\"personId\":" + member() + ",\"kind\":\"" + kind + "\",\"title\":\"学习体会\"}");
    }

    @Test
    void byDefaultOnlyAKeySpeechNeedsAnOutlineAndTheSettingCanAskItOfEverySpeech() throws Exception {
        long session = PlannedSessions.create(
                mvc, accounts, "XJ", "clerk", "提纲规则测试学习", LocalDate.of(2025, 12, 29), java.time.LocalTime.of(9, 0));
        mvc.perform(speech(session, "KEY"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("重点发言须上传发言提纲")));
        mvc.perform(speech(session, "EXCHANGE")).andExpect(status().isCreated());
        mvc.perform(speech(session, "COMMENT")).andExpect(status().isCreated());

        String rule = mvc.perform(
                        get("/api/v1/orgs/XJ/years/2025/rules/speech.outline").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long version = JsonPath.<Number>read(rule, "$.version").longValue();
        mvc.perform(json(
                        put("/api/v1/orgs/XJ/years/2025/rules/speech.outline"),
                        "{\"enabled\":true,\"param1\":2,\"source\":\"本单位中心组学习实施办法\",\"version\":" + version + "}"))
                .andExpect(status().isOk());

        mvc.perform(speech(session, "EXCHANGE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("交流发言须上传发言提纲")));
        mvc.perform(speech(session, "COMMENT"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("点评须上传发言提纲")));
    }
}
