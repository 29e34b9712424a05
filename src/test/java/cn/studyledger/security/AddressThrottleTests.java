package cn.studyledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A source address with {@code ledger.login.address-max-failures} failures is refused, even with the right
 * password, with the same answer. The test profile sets the limit out of reach (every test signs in from
 * 127.0.0.1); this class restores the default of application.yml, in the context it shares with
 * {@link InitialPasswordTests}, and uses addresses of its own.
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
@TestPropertySource(properties = {"ledger.demo-mode=false", "ledger.login.address-max-failures=30"})
class AddressThrottleTests {

    static final String USER = "t_throttle";
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

    @Test
    void anAddressWithTooManyFailuresIsRefusedEvenWithTheRightPassword() throws Exception {
        String address = "10.77.0." + (int) (Math.random() * 250 + 1);
        for (int i = 0; i < 30; i++) {
            mvc.perform(login("nobody-" + i, "guess", address)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login(USER, PASSWORD, address))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        assertThat(TestAccounts.audited(jdbc, USER, "LOGIN_FAILED", "来源地址失败次数过多"))
                .isPositive();
        // the account itself is not locked: from another address it signs in
        mvc.perform(login(USER, PASSWORD, "10.78.0.1")).andExpect(authenticated());
    }

    private static MockHttpServletRequestBuilder login(String username, String password, String address) {
        return post("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf().asHeader())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }
}
