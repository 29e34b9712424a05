package cn.studyledger.report;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The half-year report (上半年学习情况报告, {@code ?period=H1}): its own revisions beside the annual report, written from
 * the first half's figures, draft → submitted → final with its own frozen snapshot, and its own .docx.
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class HalfYearReportTests {

    static final String API = "/api/v1/orgs/XJ/years/2025";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theHalfYearReportSpeaksOfTheFirstHalfFromItsFiguresBesideTheAnnualOne() throws Exception {
        JsonNode half = read("clerk", API + "/report?period=H1");
        JsonNode year = read("clerk", API + "/report");
        assertThat(half.get("period").asString()).isEqualTo("H1");
        assertThat(year.get("period").asString()).isEqualTo("year");
        assertThat(half.get("id").longValue()).isNotEqualTo(year.get("id").longValue());

        long firstHalf = heldBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30));
        long wholeYear = heldBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertThat(firstHalf).isPositive().isLessThan(wholeYear);
        assertThat(figure(half, "sessions.collective")).isEqualTo(String.valueOf(firstHalf));
        assertThat(figure(year, "sessions.collective")).isEqualTo(String.valueOf(wholeYear));
        JsonNode figures = read("clerk", API + "/figures?period=H1");
        for (JsonNode f : figures) {
            if (f.get("value").isNumber()) {
                assertThat(figure(half, f.get("key").asString()))
                        .as(f.get("key").asString())
                        .isEqualTo(f.get("value").asString());
            }
        }

        String text = ReportEditorTests.text(docx(API + "/report.docx?period=H1"));
        assertThat(text.replace("\n", ""))
                .contains("关于2025年上半年理论学习中心组学习情况报告")
                .contains("上半年共组织集体学习" + firstHalf + "次")
                .contains("下半年，")
                .contains("2025年6月30日")
                .doesNotContain("全年共组织")
                .doesNotContain("{{");
        assertThat(ReportEditorTests.text(docx(API + "/report.docx")).replace("\n", ""))
                .contains("全年共组织集体学习" + wholeYear + "次");
    }

    @Test
    void theHalfYearReportIsFinalisedWithItsOwnSnapshotWhileTheAnnualOneStaysADraft() throws Exception {
        JsonNode half = read("clerk", API + "/report?period=H1");
        read("clerk", API + "/report");
        half = decide("clerk", "submit", half, Map.of("confirmedGaps", ReportEditorTests.gapIds(half)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .transform(this::tree);
        decide("leader", "finalise", half, Map.of())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FINAL"))
                .andExpect(jsonPath("$.period").value("H1"));
        assertThat(jdbc.sql("select count(*) from report_snapshot_figure f join report_annual_report r"
                                + " on r.id = f.report_id where r.report_period = 'H1' and r.status = 'FINAL'")
                        .query(Long.class)
                        .single())
                .as("the half-year figures are frozen with the final revision")
                .isPositive();
        JsonNode frozen = read("clerk", API + "/report?period=H1");
        assertThat(figure(frozen, "sessions.collective"))
                .isEqualTo(String.valueOf(heldBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30))));
        assertThat(read("clerk", API + "/report").get("status").asString()).isEqualTo("DRAFT");
        assertThat(read("clerk", API + "/report/history?period=H1")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("FINAL");
    }

    @Test
    void anUnknownPeriodIsRefusedAndAnotherOrganisationSeesNothing() throws Exception {
        mvc.perform(get(API + "/report?period=Q3").with(as(accounts, "clerk")))
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.detail").value("period 只能是 year（全年）或 H1（上半年）"));
        mvc.perform(get(API + "/figures?period=H2").with(as(accounts, "clerk"))).andExpect(status().is4xxClientError());
        mvc.perform(get(API + "/report?period=H1").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get(API + "/report.docx?period=H1").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get(API + "/figures?period=H1").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theEditorPageSwitchesToTheHalfYearReportAndKeepsItAcrossAPost() throws Exception {
        String page = mvc.perform(get("/report").param("period", "H1").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("2025年上半年理论学习中心组学习情况报告")
                .contains("id=\"report-period-h1\"")
                .contains("name=\"period\" value=\"H1\"")
                .contains("download.docx?revision=1&amp;period=H1");
        JsonNode half = read("clerk", API + "/report?period=H1");
        mvc.perform(post("/report/proposals")
                        .param("period", "H1")
                        .with(as(accounts, "clerk"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/report?period=H1#proposals"));
        assertThat(read("clerk", API + "/report?period=H1").get("proposals").size())
                .as("the rules judge a whole year: nothing is drafted from them for the first half")
                .isEqualTo(half.get("proposals").size())
                .isZero();
    }

    private long heldBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from session_study_session s join org_unit o on o.id = s.org_id"
                        + " where o.code = 'XJ' and s.status = 'HELD' and s.session_date between :from and :to")
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
    }

    private static String figure(JsonNode report, String key) {
        for (JsonNode f : report.get("figures")) {
            if (f.get("key").asString().equals(key)) {
                return f.get("value").asString();
            }
        }
        throw new AssertionError("no figure " + key);
    }

    private ResultActions decide(String user, String action, JsonNode report, Map<String, Object> extra)
            throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("version", report.get("version").longValue());
        return mvc.perform(post(API + "/report/" + action + "?period=H1")
                .with(as(accounts, user))
                .with(csrf().asHeader())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private byte[] docx(String url) throws Exception {
        return mvc.perform(get(url).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private JsonNode read(String user, String url) throws Exception {
        return tree(mvc.perform(get(url).with(as(accounts, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode tree(String body) {
        return json.readTree(body);
    }
}
