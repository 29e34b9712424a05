package cn.studyledger.report;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A record saved for a year whose annual report is final: the save's message says the report keeps its frozen
 * figures, and the report page lists each figure whose frozen value the records no longer give, frozen beside live.
 * Nothing of the kind while the year's report is a draft. Self-study entries and writings are such records, and so
 * is every record of a module that only stores it (an exchange meeting here): a record moved out of the final year
 * changes that year too.
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class FinalReportShowsLaterChangesTests {

    static final String API = "/api/v1/orgs/XJ/years/2025";
    static final String NOTE = "2025年度学习情况报告已定稿，报告中的数字不随此次修改变化";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void selfStudyLoggedAfterTheReportIsFinalIsFlaggedAndTheReportPageShowsFrozenAndLiveHours() throws Exception {
        finalise();
        BigDecimal frozen = hours();
        String report = page("leader");
        assertThat(report).doesNotContain("id=\"report-drift\"");

        logSelfStudy("2025-06-20", "2")
                .andExpect(flash().attribute("success", allOf(containsString("已登记自学 2 学时"), containsString(NOTE))));

        String changed = page("leader");
        assertThat(changed).contains("id=\"report-drift\"", "个人自学学时");
        assertThat(changed)
                .contains("<td class=\"drift-frozen\">" + plain(frozen) + "学时</td>")
                .contains(">" + plain(frozen.add(new BigDecimal("2"))) + "学时</a>");
    }

    @Test
    void aWritingAddedAfterTheReportIsFinalIsFlaggedAndItsCountShownFrozenAndLive() throws Exception {
        finalise();
        mvc.perform(post("/writings")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("kind", "EXPERIENCE")
                        .param("title", "定稿后补登的心得体会")
                        .param("writtenOn", "2025-06-20"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", containsString(NOTE)));
        assertThat(page("leader")).contains("id=\"report-drift\"", "心得体会、调研报告等学习成果");
    }

    @Test
    void anExchangeMeetingMovedIntoAndOutOfTheFinalYearIsFlaggedBothWays() throws Exception {
        finalise();
        String created = exchange(post("/outreach/exchanges"), "2024-06-20")
                .andExpect(flash().attribute("success", not(containsString("已定稿"))))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        exchange(post(created).param("version", "0"), "2025-06-20")
                .andExpect(flash().attribute("success", containsString(NOTE)));
        exchange(post(created).param("version", "1"), "2024-06-21")
                .andExpect(flash().attribute("success", containsString(NOTE)));
    }

    private ResultActions exchange(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String heldOn)
            throws Exception {
        return mvc.perform(request.with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("title", "定稿后补登的经验交流会")
                        .param("heldOn", heldOn)
                        .param("host", "市直机关工委")
                        .param("role", "ATTENDED")
                        .param("participants", "3"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aDraftYearsSaveHasNoNoteAndItsPageNoDifferences() throws Exception {
        logSelfStudy("2025-06-20", "2").andExpect(flash().attribute("success", not(containsString("已定稿"))));
        assertThat(page("clerk")).doesNotContain("id=\"report-drift\"");
    }

    private ResultActions logSelfStudy(String date, String hours) throws Exception {
        return mvc.perform(post("/selfstudy")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("date", date)
                        .param("hours", hours)
                        .param("content", "定稿后补登的自学"))
                .andExpect(status().is3xxRedirection());
    }

    private void finalise() throws Exception {
        JsonNode report = json.readTree(api("clerk", get(API + "/report")));
        report = decide("clerk", "submit", report.get("version").longValue());
        decide("leader", "finalise", report.get("version").longValue());
    }

    private JsonNode decide(String user, String action, long version) throws Exception {
        java.util.Map<String, Object> payload = new java.util.HashMap<>();
        payload.put("version", version);
        if (action.equals("submit")) {
            payload.put("confirmedGaps", ReportEditorTests.gapIds(json.readTree(api(user, get(API + "/report")))));
        }
        return json.readTree(api(
                user,
                post(API + "/report/" + action)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(payload))));
    }

    private BigDecimal hours() throws Exception {
        for (JsonNode f : json.readTree(api("clerk", get(API + "/figures")))) {
            if (f.get("key").asString().equals("selfstudy.hours")) {
                return f.get("value").decimalValue();
            }
        }
        throw new AssertionError("no selfstudy.hours");
    }

    private String page(String user) throws Exception {
        return api(user, get("/report"));
    }

    private String api(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(as(accounts, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
