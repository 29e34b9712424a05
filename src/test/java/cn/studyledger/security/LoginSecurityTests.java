package cn.studyledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import cn.studyledger.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Form login: success and failure are audited, five failures lock the account. */
@IntegrationTest
class LoginSecurityTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long audited(String username, String action) {
        return jdbc.sql("select count(*) from common_audit_event where username = ? and action = ?")
                .param(username)
                .param(action)
                .query(Long.class)
                .single();
    }

    @Test
    void successfulAndFailedLoginsAreAudited() throws Exception {
        long ok = audited("leader", "LOGIN");
        long failed = audited("leader", "LOGIN_FAILED");
        mvc.perform(formLogin().user("leader").password("wrong-Password1")).andExpect(unauthenticated());
        mvc.perform(formLogin().user("leader").password("Demo@2025"))
                .andExpect(authenticated())
                .andExpect(redirectedUrl("/"));
        assertThat(audited("leader", "LOGIN")).isEqualTo(ok + 1);
        assertThat(audited("leader", "LOGIN_FAILED")).isEqualTo(failed + 1);
    }

    @Test
    void fiveFailuresLockTheAccountEvenAgainstTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("observer").password("guess-" + i))
                    .andExpect(unauthenticated())
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin().user("observer").password("Demo@2025"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?locked"));
        assertThat(jdbc.sql("select locked_until from org_account where username = 'observer'")
                        .query(java.time.LocalDateTime.class)
                        .single())
                .isAfter(java.time.LocalDateTime.now().plusMinutes(14));
    }

    @Test
    void unknownUsersGetTheSameAnswerAsWrongPasswords() throws Exception {
        mvc.perform(formLogin().user("nobody-here").password("x")).andExpect(redirectedUrl("/login?error"));
        assertThat(audited("nobody-here", "LOGIN_FAILED")).isEqualTo(1);
    }
}
