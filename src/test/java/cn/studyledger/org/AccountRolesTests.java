package cn.studyledger.org;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** The security administrator grants and revokes roles per organisation; the home page lists what each role must do. */
@IntegrationTest
@Transactional
class AccountRolesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    long account(String username) {
        return jdbc.sql("select id from org_account where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    @Test
    void securityAdministratorGrantsAndRevokesARoleAndTheLastRoleStays() throws Exception {
        long id = account("observer");
        mvc.perform(post("/accounts/" + id + "/roles")
                        .with(as(accounts, "secadmin"))
                        .with(csrf().asHeader())
                        .param("role", "MEMBER")
                        .param("orgCode", "XJ-02"))
                .andExpect(status().is3xxRedirection());
        LedgerUser user = (LedgerUser) accounts.loadUserByUsername("observer");
        assertThat(user.grants())
                .anyMatch(g -> g.role() == Role.MEMBER && g.orgPath().endsWith("/"));
        mvc.perform(get("/accounts/" + id + "/roles").with(as(accounts, "secadmin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("X局生态环境执法总队党委")));
        mvc.perform(post("/accounts/" + id + "/roles/revoke")
                        .with(as(accounts, "secadmin"))
                        .with(csrf().asHeader())
                        .param("role", "MEMBER")
                        .param("orgCode", "XJ-02"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/accounts/" + id + "/roles/revoke")
                        .with(as(accounts, "secadmin"))
                        .with(csrf().asHeader())
                        .param("role", "OBSERVER")
                        .param("orgCode", "XJ"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("至少保留一个角色")));
        assertThat(jdbc.sql("select count(*) from org_role_grant where account_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from common_audit_event where object_type = '账号' and object_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void onlyTheSecurityAdministratorManagesRoles() throws Exception {
        long id = account("member");
        mvc.perform(get("/accounts/" + id + "/roles").with(as(accounts, "clerk")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/accounts/" + id + "/roles").with(as(accounts, "admin")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/accounts/" + id + "/roles")
                        .with(as(accounts, "admin"))
                        .with(csrf().asHeader())
                        .param("role", "LEADER")
                        .param("orgCode", "XJ"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/accounts/" + id + "/roles")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("role", "LEADER")
                        .param("orgCode", "XJ"))
                .andExpect(status().isForbidden());
    }

    @Test
    void homePageListsEachRolesTasks() throws Exception {
        // something waiting for each role, whatever today's date: a session planned for today, a leave request of a
        // member not yet decided, a make-up the member owes
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        jdbc.sql("update session_study_session set session_date = ? where id = (select min(s.id) from"
                        + " session_study_session s join org_unit o on o.id = s.org_id where o.code = 'XJ'"
                        + " and s.status = 'PLANNED')")
                .param(today)
                .update();
        long member = jdbc.sql("select person_id from org_account where username = 'member'")
                .query(Long.class)
                .single();
        jdbc.sql("update session_leave_request set status = 'REQUESTED', decided_by = null, decided_at = null"
                        + " where id = (select min(id) from session_leave_request where person_id <> ?"
                        + " and person_id <> (select person_id from org_account where username = 'leader'))")
                .param(member)
                .update();
        jdbc.sql("update session_attendance set status = 'LEAVE', make_up_due_on = ?, make_up_done_on = null"
                        + " where id = (select min(id) from session_attendance where person_id = ?)")
                .param(today.plusDays(5))
                .param(member)
                .update();

        mvc.perform(get("/").with(as(accounts, "leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("待审批的请假")));
        mvc.perform(get("/").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("我待完成的补学")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("待审批的请假"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("本月计划中的集中学习"))));
        mvc.perform(get("/").with(as(accounts, "clerk")))
                .andExpect(content().string(containsString("本月计划中的集中学习")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("我待完成的补学"))));
    }
}
