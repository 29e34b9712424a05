package cn.studyledger.org;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/**
 * The system administrator keeps the organisation tree and opens accounts (without roles or passwords); the
 * security administrator unlocks.
 */
@IntegrationTest
@Transactional
class AdministrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void adminCreatesASubordinateOrganisationThatAppearsInTheTree() throws Exception {
        createOrg("XJ-T1", "X局测试第一党支部").andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/orgs"));

        mvc.perform(get("/orgs").with(as(accounts, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("X局测试第一党支部")))
                .andExpect(content().string(containsString("XJ-T1")));
        String bureauPath = jdbc.sql("select path from org_unit where code = 'XJ-06'")
                .query(String.class)
                .single();
        long id = jdbc.sql("select id from org_unit where code = 'XJ-T1'")
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select path from org_unit where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo(bureauPath + id + "/");
        assertThat(jdbc.sql("select count(*) from common_audit_event"
                                + " where object_type = '组织' and action = 'CREATE' and object_id = ?")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // the new unit is inside the superior's scope at once
        mvc.perform(get("/api/v1/orgs/XJ-T1/years/2025/figures").with(as(accounts, "superior")))
                .andExpect(status().isOk());
    }

    @Test
    void organisationCodeInUseIsRefusedOnTheForm() throws Exception {
        long before = orgs();
        createOrg("XJ-01", "重复代码的组织")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("组织代码“XJ-01”已被使用")));
        createOrg("含 空格", "代码不合规的组织")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("组织代码只能包含字母、数字和连字符")));
        assertThat(orgs()).isEqualTo(before);
    }

    @Test
    void onlyTheSystemAdministratorManagesOrganisations() throws Exception {
        long before = orgs();
        mvc.perform(get("/orgs").with(as(accounts, "clerk"))).andExpect(status().isForbidden());
        mvc.perform(get("/orgs").with(as(accounts, "secadmin"))).andExpect(status().isForbidden());
        mvc.perform(post("/orgs")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("parentCode", "XJ")
                        .param("code", "XJ-T8")
                        .param("name", "越权组织")
                        .param("type", "BRANCH"))
                .andExpect(status().isForbidden());
        assertThat(orgs()).isEqualTo(before);
    }

    @Test
    void adminCreatesAnAccountWithoutRoleOrUsablePassword() throws Exception {
        createAccount("t_unit02_clerk", "XJ-02")
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/accounts"));

        assertThat(jdbc.sql("select must_change_password from org_account where username = 't_unit02_clerk'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("select count(*) from org_role_grant g join org_account a on a.id = g.account_id"
                                + " where a.username = 't_unit02_clerk'")
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(get("/accounts").param("q", "t_unit02").with(as(accounts, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("t_unit02_clerk")))
                .andExpect(content().string(containsString("X局生态环境执法总队党委")));
    }

    @Test
    void securityAdministratorUnlocksALockedAccount() throws Exception {
        createAccount("t_locked", "XJ").andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from org_account where username = 't_locked'")
                .query(Long.class)
                .single();
        jdbc.sql("update org_account set locked_until = ?, failed_attempts = 5 where id = ?")
                .param(LocalDateTime.now().plusMinutes(10))
                .param(id)
                .update();

        mvc.perform(get("/accounts").param("q", "t_locked").with(as(accounts, "secadmin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已锁定")))
                .andExpect(content().string(containsString("/accounts/" + id + "/unlock")));
        mvc.perform(post("/accounts/" + id + "/unlock")
                        .with(as(accounts, "secadmin"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/accounts"));

        assertThat(jdbc.sql("select locked_until from org_account where id = ?")
                        .param(id)
                        .query(LocalDateTime.class)
                        .optional())
                .isEmpty();
        assertThat(jdbc.sql("select failed_attempts from org_account where id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isZero();
        mvc.perform(get("/accounts").param("q", "t_locked").with(as(accounts, "secadmin")))
                .andExpect(content().string(containsString("正常")));
    }

    @Test
    void securityAdministratorCannotCreateAccountsAndClerkCannotUnlock() throws Exception {
        createAccount("t_by_secadmin", "XJ", "secadmin").andExpect(status().isForbidden());
        long clerkId = jdbc.sql("select id from org_account where username = 'clerk'")
                .query(Long.class)
                .single();
        mvc.perform(post("/accounts/" + clerkId + "/unlock")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from org_account where username = 't_by_secadmin'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private ResultActions createOrg(String code, String name) throws Exception {
        return mvc.perform(post("/orgs")
                .with(as(accounts, "admin"))
                .with(csrf().asHeader())
                // under a leaf unit, so that XJ's own subordinate units (supervision coverage) stay as demoed
                .param("parentCode", "XJ-06")
                .param("code", code)
                .param("name", name)
                .param("type", "BRANCH")
                .param("businessField", "测试"));
    }

    private ResultActions createAccount(String username, String orgCode) throws Exception {
        return createAccount(username, orgCode, "admin");
    }

    private ResultActions createAccount(String username, String orgCode, String by) throws Exception {
        return mvc.perform(post("/accounts")
                .with(as(accounts, by))
                .with(csrf().asHeader())
                .param("username", username)
                .param("orgCode", orgCode));
    }

    private long orgs() {
        return jdbc.sql("select count(*) from org_unit").query(Long.class).single();
    }
}
