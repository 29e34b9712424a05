package cn.studyledger.dashboard;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import cn.studyledger.figure.FigureApi;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.report.FindingSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard of X局 2025: its tiles are the report's figures, its charts add up to those figures and every bar
 * or slice opens a page of records; only those with the dashboard permission and sight of the organisation see it.
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class DashboardTests {

    static final String API = "/api/v1/orgs/XJ/years/2025/dashboard";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FigureApi figures;

    @Autowired
    JsonMapper json;

    @Autowired
    ObjectProvider<FindingSource> findingSources;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theTilesShowTheFiguresOfTheReportEachLinkingToItsEvidence() throws Exception {
        String page = page("/dashboard", "clerk");
        Matcher tiles = Pattern.compile(
                        "href=\"([^\"]+)\" data-figure-key=\"([^\"]+)\">.*?<span class=\"figure-value\">([^<]*)</span>",
                        Pattern.DOTALL)
                .matcher(page);
        Map<String, String> shown = new LinkedHashMap<>();
        while (tiles.find()) {
            assertThat(tiles.group(1)).isEqualTo("/figures/" + tiles.group(2));
            shown.put(tiles.group(2), tiles.group(3));
        }
        assertThat(shown)
                .containsKeys(
                        "sessions.collective",
                        "sessions.discussion",
                        "firsttopic.sessions",
                        "attendance.rate",
                        "selfstudy.hours",
                        "writings.count",
                        "research.recommendations",
                        "research.adopted",
                        "supervision.coverage");
        signIn("clerk");
        for (Map.Entry<String, String> tile : shown.entrySet()) {
            FigureApi.Figure f = figures.figure("XJ", 2025, tile.getKey());
            Object value = f.result().value();
            String expected = value == null
                    ? "—"
                    : (value instanceof BigDecimal d ? d.toPlainString() : value.toString())
                            + (f.definition().kind() == FigureDefinition.Kind.RATE ? "%" : "");
            assertThat(tile.getValue()).as(tile.getKey()).isEqualTo(expected);
        }
        assertThat(shown.get("sessions.collective")).isEqualTo(String.valueOf(heldSessions()));
        assertThat(shown.get("attendance.rate")).endsWith("%");
        assertThat(page)
                .containsPattern("/webjars/echarts/[0-9.]*/?dist/echarts.min.js")
                .contains("/assets/js/dashboard.js");
    }

    @Test
    void oneFormatsSessionsAreHeadedByTheFormatOnceNotTwice() throws Exception {
        String page = page("/dashboard/sessions?format=COLLECTIVE", "clerk");
        assertThat(page).contains("<span id=\"sessions-heading\">集体学习记录</span>").doesNotContain("集体学习集体学习");
        assertThat(page("/dashboard/sessions?format=DISCUSSION", "clerk")).contains("专题研讨记录");
    }

    @Test
    void aRateOfNoneOverNoneIsADashNotTheReportsMissingMark() throws Exception {
        String page = page("/dashboard?workYear=2031", "clerk");
        Matcher rate = Pattern.compile(
                        "data-figure-key=\"attendance.rate\">.*?<span class=\"figure-value\">([^<]*)</span>",
                        Pattern.DOTALL)
                .matcher(page);
        assertThat(rate.find()).isTrue();
        assertThat(rate.group(1)).isEqualTo("—");
        assertThat(page).doesNotContain("【待补充】");
    }

    @Test
    void sessionsPerMonthAddUpToTheCollectiveSessionsAndEachSegmentListsItsSessions() throws Exception {
        JsonNode chart = chart(dashboard("clerk"), "sessions-by-month");
        assertThat(chart.get("categories")).hasSize(12);
        long sum = 0;
        String busiest = null;
        long most = 0;
        for (JsonNode series : chart.get("series")) {
            for (JsonNode d : series.get("data")) {
                long n = d.get("value").asLong();
                sum += n;
                if (n > most) {
                    most = n;
                    busiest = d.get("url").asString();
                }
            }
        }
        assertThat(sum).isEqualTo(heldSessions()).isEqualTo(figure("sessions.collective"));
        assertThat(busiest).startsWith("/dashboard/sessions?month=");
        assertThat(page(busiest, "clerk")).contains("共 " + most + " 次");
        assertThat(page("/dashboard/sessions", "clerk")).contains("共 " + heldSessions() + " 次");
    }

    @Test
    void hoursPerMemberAddUpToTheSelfStudyHours() throws Exception {
        JsonNode chart = chart(dashboard("clerk"), "hours-by-member");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode d : chart.get("series").get(0).get("data")) {
            sum = sum.add(d.get("value").decimalValue());
            assertThat(d.get("url").asString()).startsWith("/selfstudy?person=");
        }
        assertThat(chart.get("categories")).hasSizeGreaterThanOrEqualTo(9);
        signIn("clerk");
        assertThat(sum)
                .isEqualByComparingTo(new BigDecimal(figures.figure("XJ", 2025, "selfstudy.hours")
                        .result()
                        .value()
                        .toString()));
    }

    @Test
    void theLagChartShowsTheItemsBehindTheMedianLagEachWithItsDays() throws Exception {
        JsonNode chart = chart(dashboard("clerk"), "firsttopic-lag");
        List<Long> lags = new ArrayList<>();
        for (JsonNode d : chart.get("series").get(0).get("data")) {
            lags.add(d.get("value").longValue());
            assertThat(d.get("url").asString()).startsWith("/firsttopic/");
        }
        signIn("clerk");
        FigureApi.Figure median = figures.figure("XJ", 2025, "firsttopic.medianLagDays");
        assertThat(lags)
                .as("one bar per item behind the median")
                .hasSize(median.result().evidence().size());
        assertThat(lags).isNotEmpty();
        List<Long> sorted = lags.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal middle = n % 2 == 1
                ? BigDecimal.valueOf(sorted.get(n / 2))
                : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        assertThat(new BigDecimal(median.result().value().toString()))
                .as("the median of the bars is the figure")
                .isEqualByComparingTo(middle);
    }

    @Test
    void attendancePerMemberAddsUpToTheAttendanceRate() throws Exception {
        JsonNode chart = chart(dashboard("clerk"), "attendance-by-member");
        long participated = 0;
        long expected = 0;
        for (JsonNode series : chart.get("series")) {
            for (JsonNode d : series.get("data")) {
                long n = d.get("value").asLong();
                expected += n;
                String name = series.get("name").asString();
                if (java.util.Arrays.stream(cn.studyledger.session.Participation.values())
                        .anyMatch(p -> p.counts() && p.label().equals(name))) {
                    participated += n;
                }
                assertThat(d.get("url").asString()).startsWith("/records/");
            }
        }
        signIn("clerk");
        var rate = figures.figure("XJ", 2025, "attendance.rate").result();
        assertThat(participated).isEqualTo(rate.numerator());
        assertThat(expected).isEqualTo(rate.denominator());
    }

    @Test
    void theRecommendationFunnelAndTheCoverageAgreeWithTheirFigures() throws Exception {
        JsonNode dashboard = dashboard("clerk");
        JsonNode funnel =
                chart(dashboard, "recommendation-funnel").get("series").get(0).get("data");
        assertThat(funnel.get(0).get("value").asLong()).isEqualTo(figure("research.recommendations"));
        assertThat(funnel.get(1).get("value").asLong()).isEqualTo(figure("research.adopted"));
        assertThat(funnel.get(1).get("value").asLong()
                        + funnel.get(2).get("value").asLong()
                        + funnel.get(3).get("value").asLong())
                .isEqualTo(funnel.get(0).get("value").asLong());

        JsonNode coverage = chart(dashboard, "coverage-by-unit");
        JsonNode visited = coverage.get("series").get(0).get("data");
        long covered = 0;
        for (JsonNode d : visited) {
            covered += d.get("value").asLong() > 0 ? 1 : 0;
        }
        signIn("clerk");
        var figure = figures.figure("XJ", 2025, "supervision.coverage").result();
        assertThat(covered).isEqualTo(figure.numerator());
        assertThat((long) coverage.get("categories").size()).isEqualTo(figure.denominator());
        assertThat(coverage.get("categories").size()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void everyChartValueCarriesTheUrlOfItsRecordsAndThoseRecordsOpen() throws Exception {
        JsonNode dashboard = dashboard("clerk");
        Set<String> urls = new LinkedHashSet<>();
        int charts = 0;
        for (JsonNode chart : dashboard.get("charts")) {
            charts++;
            for (JsonNode series : chart.get("series")) {
                assertThat(series.get("data")).hasSize(chart.get("categories").size());
                for (JsonNode d : series.get("data")) {
                    String url = d.get("url").asString();
                    assertThat(url).as(chart.get("id").asString()).startsWith("/");
                    urls.add(url.replaceFirst("#.*$", ""));
                }
            }
        }
        assertThat(charts).isEqualTo(8);
        List<String> sample = new ArrayList<>();
        for (String url : urls) {
            // the rules module's page is not part of this module's branch; every other kind of link is opened
            if (!url.startsWith("/rules/") && sample.stream().noneMatch(s -> kind(s).equals(kind(url)))) {
                sample.add(url);
            }
        }
        assertThat(sample.size()).isGreaterThanOrEqualTo(8);
        for (String url : sample) {
            mvc.perform(get(url).with(as(accounts, "clerk"))).andExpect(status().isOk());
        }
    }

    @Test
    void theChartsNumbersAreInTablesAndTheFindingsChartSaysWhenNoRulesRun() throws Exception {
        String page = page("/dashboard", "clerk");
        assertThat(page)
                .contains("data-chart-table=\"sessions-by-month\"")
                .contains("data-chart-table=\"hours-by-member\"")
                .contains("data-chart-table=\"recommendation-funnel\"")
                .contains("id=\"chart-sessions-by-month\"")
                .contains("data-chart=\"{&quot;id&quot;:&quot;sessions-by-month&quot;")
                .contains("数据表");
        if (findingSources.orderedStream().findAny().isEmpty()) {
            assertThat(page).contains("规则检查尚未启用");
        } else {
            assertThat(page).contains("card-rule-findings");
        }
        mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
        mvc.perform(get("/assets/js/dashboard.js")).andExpect(status().isOk());
    }

    @Test
    void theLeaderSeesTheDashboardButAMemberDoesNot() throws Exception {
        mvc.perform(get("/dashboard").with(as(accounts, "leader"))).andExpect(status().isOk());
        mvc.perform(get("/dashboard").with(as(accounts, "member"))).andExpect(status().isForbidden());
        mvc.perform(get(API).with(as(accounts, "member"))).andExpect(status().isForbidden());
        mvc.perform(get("/dashboard/sessions").with(as(accounts, "member"))).andExpect(status().isForbidden());
    }

    @Test
    void aUnitsClerkCannotSeeTheBureausDashboard() throws Exception {
        mvc.perform(get(API).with(as(accounts, "unitclerk"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orgs/XJ-01/years/2025/dashboard").with(as(accounts, "unitclerk")))
                .andExpect(status().isOk());
        mvc.perform(get("/dashboard").with(as(accounts, "unitclerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-figure-key=\"sessions.collective\"")));
    }

    @Test
    void theSuperiorSeesChartsAcrossTheUnitsEachBarOpeningThatUnitsEvidence() throws Exception {
        String page = page("/dashboard/rollup", "superior");
        assertThat(page)
                .contains("id=\"chart-rollup-sessions\"")
                .contains("data-chart-table=\"rollup-attendance\"")
                .contains("/rollup/evidence?org=XJ-01&amp;key=sessions.collective");
        JsonNode rollup = json.readTree(mvc.perform(get(API + "/rollup").with(as(accounts, "superior")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        JsonNode sessions = chart(rollup, "rollup-sessions");
        assertThat(sessions.get("categories").get(0).asString()).isEqualTo("X局");
        assertThat(sessions.get("series").get(0).get("data").get(0).get("value").asLong())
                .isEqualTo(heldSessions());
        for (JsonNode d : sessions.get("series").get(0).get("data")) {
            // a unit's records, or the roll-up of a subordinate that has units of its own (another test may add one)
            assertThat(d.get("url").asString()).matches("/rollup(/evidence\\?org|\\?of)=.*");
        }
        mvc.perform(get(sessions.get("series")
                                .get(0)
                                .get("data")
                                .get(1)
                                .get("url")
                                .asString())
                        .with(as(accounts, "superior")))
                .andExpect(status().isOk());
        assertThat(chart(rollup, "rollup-adoption")).isNotNull();
        mvc.perform(get("/dashboard/rollup").with(as(accounts, "clerk"))).andExpect(status().isForbidden());
        mvc.perform(get(API + "/rollup").with(as(accounts, "clerk"))).andExpect(status().isForbidden());
    }

    // ---- helpers ----

    private static String kind(String url) {
        String path = url.replaceFirst("\\?.*$", "");
        return path.replaceAll("/\\d+", "/{id}") + (url.contains("?") ? "?" : "");
    }

    private JsonNode dashboard(String user) throws Exception {
        return json.readTree(mvc.perform(get(API).with(as(accounts, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static JsonNode chart(JsonNode dashboard, String id) {
        for (JsonNode chart : dashboard.get("charts")) {
            if (chart.get("id").asString().equals(id)) {
                return chart;
            }
        }
        throw new AssertionError("no chart " + id);
    }

    private String page(String url, String user) throws Exception {
        return mvc.perform(get(url).with(as(accounts, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long figure(String key) {
        signIn("clerk");
        try {
            return ((Number) figures.figure("XJ", 2025, key).result().value()).longValue();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private long heldSessions() {
        return jdbc.sql("""
                        select count(*) from session_study_session s join org_unit o on o.id = s.org_id
                         where o.code = 'XJ' and s.status = 'HELD'
                           and s.session_date between '2025-01-01' and '2025-12-31'""").query(Long.class).single();
    }

    private void signIn(String username) {
        UserDetails user = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
