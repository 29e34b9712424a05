package cn.studyledger.config;

import static cn.studyledger.Logins.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The API documentation (DESIGN.md §7): {@code /v3/api-docs} as JSON and YAML after login, nothing without. springdoc
 * writes it with swagger-core's Jackson 2 (the application's own JSON is Jackson 3), so this is the test that says the
 * two lines still get along.
 */
@IntegrationTest
class ApiDocsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Test
    void theApiIsDocumentedForSignedInUsersOnly() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists())
                .andExpect(jsonPath("$.paths['/api/v1/orgs/{orgCode}/years/{year}/figures']")
                        .exists());
        mvc.perform(get("/v3/api-docs.yaml").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/orgs/{orgCode}/years/{year}/figures:")));
    }
}
