package cn.studyledger.report;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 提交定稿 with 【待补充】 left: the report lists each gap with its section and the text around it, and goes to the
 * 组长 only once the clerk has confirmed every one of them — by the API and on the page.
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class SubmittingWithGapsTests {

    static final String API = "/api/v1/orgs/XJ/years/2025";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void eachGapMustBeConfirmedBeforeTheReportGoesToTheLeader() throws Exception {
        JsonNode report = report();
        List<String> gaps = ReportEditorTests.gapIds(report);
        assertThat(gaps)
                .as("the new year's report keeps 【待补充】 in 三 and 四 until drafts are kept")
                .isNotEmpty();
        assertThat(report.get("gaps").get(0).get("context").asString()).contains("【待补充】");
        assertThat(report.get("gaps").get(0).get("section").asString()).isNotBlank();

        submit(report.get("version").longValue(), gaps.subList(1, gaps.size()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("1处【待补充】未确认")));
        assertThat(report().get("status").asString()).isEqualTo("DRAFT");

        submit(report.get("version").longValue(), gaps)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    @Test
    void thePageListsTheGapsToConfirmAndRefusesWithoutThem() throws Exception {
        JsonNode report = report();
        String page = mvc.perform(get("/report").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"report-gaps\"", "name=\"confirmedGaps\"", "确认保留以上各处并提交定稿");
        mvc.perform(post("/report/submit")
                        .with(as(accounts, "clerk"))
                        .with(csrf())
                        .param("version", report.get("version").asString()))
                .andExpect(status().is4xxClientError())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("未确认")));
    }

    private JsonNode report() throws Exception {
        return json.readTree(mvc.perform(get(API + "/report").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private org.springframework.test.web.servlet.ResultActions submit(long version, List<String> confirmed)
            throws Exception {
        return mvc.perform(post(API + "/report/submit")
                .with(as(accounts, "clerk"))
                .with(csrf().asHeader())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("version", version, "confirmedGaps", confirmed))));
    }
}
