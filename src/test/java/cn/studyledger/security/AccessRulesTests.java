package cn.studyledger.security;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may open what: members on clerk pages, users of another organisation, superiors, the auditor. (What anonymous
 * visitors and writes without a CSRF token get is {@code config.SecurityChainsTests}.)
 */
@IntegrationTest
@Transactional
class AccessRulesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    long xjSession;
    long xjSelfStudy;
    long xjPerson;

    @BeforeEach
    void findRecordsOfXj() {
        xjSession = jdbc.sql("select min(s.id) from session_study_session s join org_unit o on o.id = s.org_id"
                        + " where o.code = 'XJ'")
                .query(Long.class)
                .single();
        xjSelfStudy = jdbc.sql("select min(e.id) from selfstudy_entry e join org_unit o on o.id = e.org_id"
                        + " where o.code = 'XJ'")
                .query(Long.class)
                .single();
        xjPerson = jdbc.sql("select min(p.id) from org_person p join org_unit o on o.id = p.org_id where o.code = 'XJ'")
                .query(Long.class)
                .single();
    }

    @Test
    void onlyHealthOfActuatorIsPublic() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/env")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/actuator/env").with(as(accounts, "clerk"))).andExpect(status().isNotFound());
    }

    @Test
    void anAccountWithoutAnOrganisationIsToldWhomToAskOnEveryStudyPage() throws Exception {
        for (String page : new String[] {"/online", "/firsttopic/tasks", "/sessions", "/writings", "/rollup"}) {
            mvc.perform(get(page).with(as(accounts, "admin")))
                    .andExpect(result -> assertThat(result.getResponse().getStatus())
                            .as(page)
                            .isIn(200, 403))
                    .andExpect(result -> {
                        if (result.getResponse().getStatus() == 200) {
                            assertThat(result.getResponse().getContentAsString())
                                    .as(page)
                                    .contains("您的账号没有可查看学习记录的单位");
                        }
                    });
        }
        mvc.perform(get("/online").with(as(accounts, "admin")))
                .andExpect(status().isOk())
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsString()).contains("请联系系统管理员分配角色"));
    }

    @Test
    void memberCannotOpenClerkPages() throws Exception {
        mvc.perform(get("/sessions/new").with(as(accounts, "member"))).andExpect(status().isForbidden());
        mvc.perform(post("/sessions")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("title", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/sessions/" + xjSession + "/held")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("version", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/people/new").with(as(accounts, "member"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(as(accounts, "member"))).andExpect(status().isForbidden());
    }

    @Test
    void memberReadsOwnGroupsSessions() throws Exception {
        mvc.perform(get("/sessions/" + xjSession).with(as(accounts, "member"))).andExpect(status().isOk());
    }

    @Test
    void userOfSubordinateUnitCannotReadOrChangeTheBureausRecordsThroughPages() throws Exception {
        var unitClerk = as(accounts, "unitclerk");
        mvc.perform(get("/sessions/" + xjSession).with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(get("/sessions/" + xjSession + "/edit").with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(post("/sessions/" + xjSession + "/held")
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .param("version", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/selfstudy/" + xjSelfStudy + "/delete")
                        .with(unitClerk)
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/people").param("org", "XJ").with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(get("/people/" + xjPerson + "/edit").with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(post("/context")
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .param("orgCode", "XJ")
                        .param("year", "2025"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from selfstudy_entry where id = ?")
                        .param(xjSelfStudy)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void userOfSubordinateUnitCannotReadOrChangeTheBureausRecordsThroughTheApi() throws Exception {
        var unitClerk = as(accounts, "unitclerk");
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures").with(unitClerk))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://studyledger.cn/problems/not-found"));
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures/sessions.collective/evidence")
                        .with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/report.docx").with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/sessions/" + xjSession).with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orgs/XJ/sessions").param("year", "2025").with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orgs/XJ/people").with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orgs/XJ/selfstudy").param("year", "2025").with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(
                        post("/api/v1/orgs/XJ/sessions")
                                .with(unitClerk)
                                .with(csrf().asHeader())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"title\":\"越权\",\"date\":\"2025-05-05\",\"durationHours\":3,\"format\":\"COLLECTIVE\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/sessions/" + xjSession + "/attendance")
                        .param("version", "0")
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[]"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/orgs/XJ/people")
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"越权\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void subordinateUnitReadsItsOwnRecordsAndSuperiorReadsBoth() throws Exception {
        mvc.perform(get("/api/v1/orgs/XJ-01/years/2025/figures").with(as(accounts, "unitclerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.key=='sessions.collective')].value").value(2));
        mvc.perform(get("/api/v1/orgs/XJ-01/years/2025/figures").with(as(accounts, "superior")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures").with(as(accounts, "superior")))
                .andExpect(status().isOk());
    }

    @Test
    void superiorReadsButCannotWrite() throws Exception {
        mvc.perform(
                        post("/api/v1/orgs/XJ/sessions")
                                .with(as(accounts, "superior"))
                                .with(csrf().asHeader())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"title\":\"上级\",\"date\":\"2025-05-05\",\"durationHours\":3,\"format\":\"COLLECTIVE\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void onlyTheAuditorReadsTheAuditLog() throws Exception {
        mvc.perform(get("/audit").with(as(accounts, "auditor"))).andExpect(status().isOk());
        for (String other : new String[] {"admin", "secadmin", "clerk", "leader", "superior"}) {
            mvc.perform(get("/audit").with(as(accounts, other))).andExpect(status().isForbidden());
        }
    }

    @Test
    void sysAdminManagesOrganisationsButDoesNotEditStudyRecords() throws Exception {
        mvc.perform(get("/orgs").with(as(accounts, "admin"))).andExpect(status().isOk());
        mvc.perform(get("/orgs").with(as(accounts, "clerk"))).andExpect(status().isForbidden());
        mvc.perform(get("/sessions/new").with(as(accounts, "admin"))).andExpect(status().isForbidden());
    }

    @Test
    void listPagesAnswerWithAndWithoutSearchTerms() throws Exception {
        for (String page : new String[] {
            "/sessions",
            "/sessions?q=学习&status=HELD",
            "/sessions?status=PLANNED",
            "/people",
            "/people?q=张",
            "/selfstudy"
        }) {
            mvc.perform(get(page).with(as(accounts, "clerk"))).andExpect(status().isOk());
        }
        mvc.perform(get("/accounts").with(as(accounts, "admin"))).andExpect(status().isOk());
        mvc.perform(get("/accounts?q=cl").with(as(accounts, "admin"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/orgs/XJ/sessions").param("year", "2025").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(14)));
        mvc.perform(get("/api/v1/orgs/XJ/people").with(as(accounts, "clerk"))).andExpect(status().isOk());
    }
}
