package cn.studyledger.config;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The two security filter chains ({@link SecurityConfig}) on their own: an anonymous visitor of a page is sent to
 * the login page and an anonymous API call gets a 401 problem; a write without a CSRF token is refused, on pages and
 * on the API; pages carry the security headers. Every real endpoint is checked against its rule in the full
 * application by {@code security.AuthorisationMatrixTests}.
 */
@WebLayerTest
class SecurityChainsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anonymousUsersAreSentToTheLoginPage() throws Exception {
        for (String page : new String[] {"/", "/sessions", "/selfstudy", "/figures", "/people", "/audit", "/stub"}) {
            mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void anonymousApiCallsGetAProblemDetail401() throws Exception {
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", "application/problem+json;charset=UTF-8"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void writesWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/stub").with(user("clerk"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/stub").with(user("clerk")).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/stub").with(user("clerk")).with(csrf())).andExpect(status().isOk());
        mvc.perform(post("/api/v1/stub")
                        .with(user("clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk());
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/stub").with(user("clerk")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().exists("Content-Security-Policy"));
    }
}
