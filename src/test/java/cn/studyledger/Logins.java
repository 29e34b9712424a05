package cn.studyledger;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs a MockMvc request in as a demo account, with the real principal the services check. */
public final class Logins {

    private Logins() {}

    public static RequestPostProcessor as(UserDetailsService accounts, String username) {
        return user(accounts.loadUserByUsername(username));
    }

    /**
     * Signs the test's thread in as a demo account, for a test that calls the services directly; undo with
     * {@code SecurityContextHolder.clearContext()}.
     */
    public static void signIn(UserDetailsService accounts, String username) {
        UserDetails account = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
    }
}
