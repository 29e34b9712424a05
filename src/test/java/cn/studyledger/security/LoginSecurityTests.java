package cn.studyledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Form login: success and failure are audited with the reason; five failures lock the account for 15 minutes,
 * the next lock lasts twice as long; unknown account, wrong password, locked and disabled account get one and
 * the same answer. (Parallel attempts over real HTTP: {@link LoginRaceTests}; the address throttle:
 * {@link AddressThrottleTests}.)
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class LoginSecurityTests {

    static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A name of its own per test: audit lines of an earlier test of the same name stay in the log. */
    final String USER = "t_login_" + System.nanoTime() % 1_000_000 + "_" + SEQUENCE.incrementAndGet();

    static final String PASSWORD = "Right#2026pw";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void createAccount() {
        TestAccounts.create(jdbc, encoder, USER, PASSWORD, "MEMBER");
    }

    @AfterEach
    void removeAccount() {
        TestAccounts.delete(jdbc, USER);
    }

    long audited(String username, String action) {
        return TestAccounts.audited(jdbc, username, action, "");
    }

    LocalDateTime lockedUntil() {
        return jdbc.sql("select locked_until from org_account where username = ?")
                .param(USER)
                .query(LocalDateTime.class)
                .optional()
                .orElse(null);
    }

    @Test
    void successfulAndFailedLoginsAreAudited() throws Exception {
        long ok = audited(USER, "LOGIN");
        long failed = audited(USER, "LOGIN_FAILED");
        mvc.perform(formLogin().user(USER).password("wrong-Password1")).andExpect(unauthenticated());
        mvc.perform(formLogin().user(USER).password(PASSWORD))
                .andExpect(authenticated())
                .andExpect(redirectedUrl("/"));
        assertThat(audited(USER, "LOGIN")).isEqualTo(ok + 1);
        assertThat(audited(USER, "LOGIN_FAILED")).isEqualTo(failed + 1);
    }

    @Test
    void fiveFailuresLockTheAccountEvenAgainstTheRightPasswordWithTheSameAnswer() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(USER).password("guess-" + i))
                    .andExpect(unauthenticated())
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin().user(USER).password(PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        assertThat(lockedUntil())
                .isAfter(LocalDateTime.now().plusMinutes(14))
                .isBefore(LocalDateTime.now().plusMinutes(16));
        assertThat(TestAccounts.audited(jdbc, USER, "LOGIN_FAILED", "账号已锁定")).isEqualTo(1);
    }

    @Test
    void eachFurtherLockLastsTwiceAsLongAndASignInResetsIt() throws Exception {
        for (int lock = 1; lock <= 3; lock++) {
            for (int i = 0; i < 5; i++) {
                mvc.perform(formLogin().user(USER).password("guess-" + i)).andExpect(unauthenticated());
            }
            long minutes = 15L << (lock - 1);
            assertThat(lockedUntil())
                    .isAfter(LocalDateTime.now().plusMinutes(minutes - 1))
                    .isBefore(LocalDateTime.now().plusMinutes(minutes + 1));
            // the lock runs out
            jdbc.sql("update org_account set locked_until = ? where username = ?")
                    .param(LocalDateTime.now().minusSeconds(1))
                    .param(USER)
                    .update();
        }
        mvc.perform(formLogin().user(USER).password(PASSWORD)).andExpect(authenticated());
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(USER).password("guess-" + i)).andExpect(unauthenticated());
        }
        assertThat(lockedUntil()).isBefore(LocalDateTime.now().plusMinutes(16));
    }

    @Test
    void unknownAccountWrongPasswordLockedAndDisabledAllGetTheSameAnswer() throws Exception {
        mvc.perform(formLogin().user("nobody-here").password("x")).andExpect(redirectedUrl("/login?error"));
        assertThat(audited("nobody-here", "LOGIN_FAILED")).isEqualTo(1);
        jdbc.sql("update org_account set enabled = false where username = ?")
                .param(USER)
                .update();
        mvc.perform(formLogin().user(USER).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
        assertThat(TestAccounts.audited(jdbc, USER, "LOGIN_FAILED", "账号已停用")).isEqualTo(1);
        String page = mvc.perform(get("/login").param("error", ""))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("账号或密码错误，或账号暂不可用").doesNotContain("已锁定").doesNotContain("已停用");
    }

    @Test
    void aPasswordOverBcryptsSeventyTwoBytesIsAWrongPasswordNotAnError() throws Exception {
        // the first 72 bytes are the right password: BCrypt alone would let it in
        String longer = PASSWORD + "x".repeat(72 - PASSWORD.length()) + "tail";
        mvc.perform(formLogin().user(USER).password(longer))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user(USER).password("密".repeat(40))).andExpect(redirectedUrl("/login?error"));
    }
}
