package cn.studyledger.security;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Outside demo mode an account created with an initial password must change it before anything else. */
@IntegrationTest
@TestPropertySource(properties = "ledger.demo-mode=false")
class InitialPasswordTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void newAccountIsSentToChangeItsPasswordFirst() throws Exception {
        mvc.perform(post("/accounts")
                        .with(as(accounts, "admin"))
                        .with(csrf())
                        .param("username", "newclerk")
                        .param("orgCode", "XJ-02")
                        .param("role", "CLERK")
                        .param("initialPassword", "Init@2025x"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/sessions").with(as(accounts, "newclerk")))
                .andExpect(redirectedUrl("/account/password?required"));

        mvc.perform(post("/account/password")
                        .with(as(accounts, "newclerk"))
                        .with(csrf())
                        .param("currentPassword", "Init@2025x")
                        .param("newPassword", "short")
                        .param("confirmPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("密码至少8位")));
        mvc.perform(post("/account/password")
                        .with(as(accounts, "newclerk"))
                        .with(csrf())
                        .param("currentPassword", "Init@2025x")
                        .param("newPassword", "Better#2026")
                        .param("confirmPassword", "Better#2026"))
                .andExpect(redirectedUrl("/login?changed"));

        assertThat(jdbc.sql("select must_change_password from org_account where username = 'newclerk'")
                        .query(Boolean.class)
                        .single())
                .isFalse();
        mvc.perform(get("/sessions").with(as(accounts, "newclerk"))).andExpect(status().isOk());
    }

    @Test
    void demoLoginPageDoesNotShowDemoAccountsOutsideDemoMode() throws Exception {
        mvc.perform(get("/login")).andExpect(content().string(org.hamcrest.Matchers.not(containsString("Demo@2025"))));
    }
}
