package cn.studyledger.rules;

import static cn.studyledger.Logins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The rules through the pages and the API: the rule table edited by the 学习秘书 (validation, stale versions refused,
 * 恢复默认, audited), the demo year's violations found with the records behind them, and who may see and do what
 * (members not at all, a subordinate unit's clerk not the bureau's rules, a superior reads the findings).
 * Rule edits use the year 2024 so that they do not change what the 2025 evaluations find.
 */
@IntegrationTest
class RulesTests {

    static final String API = "/api/v1/orgs/XJ/years/";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor clerk;

    @BeforeEach
    void signIn() {
        clerk = as(accounts, "clerk");
    }

    // ---- the demo year's findings ----

    @Test
    void evaluationOfTheDemoYearFindsItsViolationsWithTheRecordsBehindThem() throws Exception {
        String json =
                body(mvc.perform(post(API + "2025/rules/evaluation").with(clerk).with(csrf()))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.runKind").value("立即检查"))
                        .andExpect(jsonPath("$.evaluatedBy").value("clerk")));
        System.out.println(json);
    }

    String body(org.springframework.test.web.servlet.ResultActions actions) throws Exception {
        return actions.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
