package cn.studyledger.security;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Outside demo mode: the system administrator opens an account without role or password, the security
 * administrator grants the role and issues a one-time code (shown once, stored as a hash, valid 24 h), and the
 * user who signs in with it must set a password before anything else.
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
@TestPropertySource(properties = {"ledger.demo-mode=false", "ledger.login.address-max-failures=30"})
class InitialPasswordTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeAccount() {
        jdbc.sql(
                        "delete from org_role_grant where account_id in (select id from org_account where username = 'newclerk')")
                .update();
        jdbc.sql("delete from org_account where username = 'newclerk'").update();
    }

    String openAccountAndIssueCode() throws Exception {
        mvc.perform(post("/accounts")
                        .with(as(accounts, "admin"))
                        .with(csrf().asHeader())
                        .param("username", "newclerk")
                        .param("orgCode", "XJ-02"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from org_account where username = 'newclerk'")
                .query(Long.class)
                .single();
        mvc.perform(post("/accounts/" + id + "/roles")
                        .with(as(accounts, "secadmin"))
                        .with(csrf().asHeader())
                        .param("role", "CLERK")
                        .param("orgCode", "XJ-02"))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(post("/accounts/" + id + "/code")
                        .with(as(accounts, "secadmin"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("24小时内有效")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher code = Pattern.compile("id=\"first-password-code\">([^<]+)<").matcher(page);
        assertThat(code.find()).isTrue();
        String hash = jdbc.sql("select password_hash from org_account where id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(code.group(1));
        return code.group(1);
    }

    @Test
    void newAccountSignsInWithTheCodeAndMustSetAPasswordFirst() throws Exception {
        String code = openAccountAndIssueCode();
        mvc.perform(formLogin().user("newclerk").password(code)).andExpect(authenticated());
        mvc.perform(get("/sessions").with(as(accounts, "newclerk")))
                .andExpect(redirectedUrl("/account/password?required"));

        mvc.perform(post("/account/password")
                        .with(as(accounts, "newclerk"))
                        .with(csrf().asHeader())
                        .param("currentPassword", code)
                        .param("newPassword", "short")
                        .param("confirmPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("密码至少8位")));
        // 25 Chinese characters are 75 bytes: BCrypt would silently drop the end
        String tooLong = "Aa1!" + "密".repeat(25);
        mvc.perform(post("/account/password")
                        .with(as(accounts, "newclerk"))
                        .with(csrf().asHeader())
                        .param("currentPassword", code)
                        .param("newPassword", tooLong)
                        .param("confirmPassword", tooLong))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("密码过长：最多72字节")));
        mvc.perform(post("/account/password")
                        .with(as(accounts, "newclerk"))
                        .with(csrf().asHeader())
                        .param("currentPassword", code)
                        .param("newPassword", "Better#2026")
                        .param("confirmPassword", "Better#2026"))
                .andExpect(redirectedUrl("/login?changed"));

        assertThat(jdbc.sql("select must_change_password from org_account where username = 'newclerk'")
                        .query(Boolean.class)
                        .single())
                .isFalse();
        mvc.perform(get("/sessions").with(as(accounts, "newclerk"))).andExpect(status().isOk());
        mvc.perform(formLogin().user("newclerk").password(code)).andExpect(unauthenticated());
        mvc.perform(formLogin().user("newclerk").password("Better#2026")).andExpect(authenticated());
    }

    @Test
    void aCodeOlderThanItsValidityNoLongerSignsIn() throws Exception {
        String code = openAccountAndIssueCode();
        jdbc.sql("update org_account set password_expires_at = ? where username = 'newclerk'")
                .param(LocalDateTime.now().minusMinutes(1))
                .update();
        mvc.perform(formLogin().user("newclerk").password(code))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.sql("select count(*) from common_audit_event where username = 'newclerk'"
                                + " and action = 'LOGIN_FAILED' and summary like '%首次登录码已过期%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theCreatorNeverKnowsAUsablePassword() throws Exception {
        mvc.perform(post("/accounts")
                        .with(as(accounts, "admin"))
                        .with(csrf().asHeader())
                        .param("username", "newclerk")
                        .param("orgCode", "XJ-02")
                        .param("initialPassword", "Init@2025x"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(formLogin().user("newclerk").password("Init@2025x")).andExpect(unauthenticated());
        long id = jdbc.sql("select id from org_account where username = 'newclerk'")
                .query(Long.class)
                .single();
        mvc.perform(post("/accounts/" + id + "/code")
                        .with(as(accounts, "admin"))
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
    }

    @Test
    void demoLoginPageDoesNotShowDemoAccountsOutsideDemoMode() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(org.hamcrest.Matchers.not(containsString("Demo@2025"))));
    }
}
