package cn.studyledger.session;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import cn.studyledger.Logins;
import cn.studyledger.figure.FigureApi;
import cn.studyledger.figure.FigureProvider;
import cn.studyledger.figure.Period;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures sessions.hours and sessions.days over the demo year: the hours add up the held sessions' lengths, and
 * how a session counts as days is the year's rule 集中学习天数折算, changed like any other rule.
 */
@IntegrationTest
@Transactional
class SessionDaysFollowTheYearsRuleTests {

    static final String FIGURES = "/api/v1/orgs/XJ/years/2025/figures";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    FigureApi figureApi;

    @Autowired
    OrgApi orgApi;

    @Autowired
    List<FigureProvider> providers;

    final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void eachHeldSessionCountsHalfADayOrADayByItsLength() throws Exception {
        JsonNode days = read(FIGURES + "/sessions.days/evidence");
        JsonNode hours = read(FIGURES + "/sessions.hours/evidence");
        assertThat(days.size())
                .isEqualTo(hours.size())
                .isEqualTo(value("sessions.collective").intValue());
        for (int i = 0; i < days.size(); i++) {
            BigDecimal length = hours.get(i).get("amount").decimalValue();
            BigDecimal share = days.get(i).get("amount").decimalValue();
            String detail = days.get(i).get("detail").asString();
            if (length.compareTo(BigDecimal.valueOf(6)) >= 0) {
                assertThat(share).isEqualByComparingTo("1");
                assertThat(detail).endsWith("计一天");
            } else if (length.compareTo(BigDecimal.valueOf(3)) >= 0) {
                assertThat(share).isEqualByComparingTo("0.5");
                assertThat(detail).endsWith("计半天");
            } else {
                assertThat(share).isEqualByComparingTo("0");
                assertThat(detail).endsWith("不足3小时，不计天数");
            }
        }
        assertThat(value("sessions.hours")).isPositive();
    }

    @Test
    void changedThresholdsOfTheYearsRuleChangeTheDaysAndTheRollUpAgrees() throws Exception {
        long held = value("sessions.collective").longValue();
        long fourHoursOrMore = 0;
        for (JsonNode session : read(FIGURES + "/sessions.hours/evidence")) {
            if (session.get("amount").decimalValue().compareTo(BigDecimal.valueOf(4)) >= 0) {
                fourHoursOrMore++;
            }
        }
        assertThat(fourHoursOrMore)
                .as("the demo year has longer and shorter sessions")
                .isBetween(1L, held - 1);

        changeDayHours("4", "24");
        assertThat(value("sessions.days"))
                .as("half a day for each session of 4 hours or more")
                .isEqualByComparingTo(BigDecimal.valueOf(fourHoursOrMore).multiply(new BigDecimal("0.5")));
        assertThat(talliedDays()).isEqualTo(figureDays());

        changeDayHours("0.5", "0.5");
        assertThat(value("sessions.days"))
                .as("every session a whole day")
                .isEqualByComparingTo(BigDecimal.valueOf(held));
        assertThat(talliedDays()).isEqualTo(figureDays());
    }

    /**
     * The roll-up's tally of XJ, asked of the provider in this thread: the figure API hands tallies to its executor,
     * whose transactions do not see this test's uncommitted rule change.
     */
    private Object talliedDays() {
        Logins.signIn(accounts, "clerk");
        OrgRef xj = orgApi.requireReadable("XJ");
        FigureProvider sessions = providers.stream()
                .filter(p -> p.definitions().stream().anyMatch(d -> d.key().equals("sessions.days")))
                .findFirst()
                .orElseThrow();
        return sessions.tally("sessions.days", List.of(xj), Period.of(2025))
                .get(xj.id())
                .value();
    }

    private Object figureDays() {
        Logins.signIn(accounts, "clerk");
        return figureApi.figure("XJ", 2025, "sessions.days").result().value();
    }

    @Test
    void aHalfDayLongerThanAWholeDayIsRefused() throws Exception {
        mvc.perform(put("/api/v1/orgs/XJ/years/2025/rules/sessions.dayHours")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":true,\"param1\":7,\"param2\":6,\"source\":\"本局办法\",\"version\":"
                                + version() + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("计半天的时长不能多于计一天的时长"));
    }

    private void changeDayHours(String half, String whole) throws Exception {
        mvc.perform(put("/api/v1/orgs/XJ/years/2025/rules/sessions.dayHours")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":true,\"param1\":" + half + ",\"param2\":" + whole
                                + ",\"source\":\"本局学习制度\",\"version\":" + version() + "}"))
                .andExpect(status().isOk());
    }

    private long version() throws Exception {
        return read("/api/v1/orgs/XJ/years/2025/rules/sessions.dayHours")
                .get("version")
                .longValue();
    }

    private BigDecimal value(String key) throws Exception {
        for (JsonNode f : read(FIGURES)) {
            if (f.get("key").asString().equals(key)) {
                return f.get("value").decimalValue();
            }
        }
        throw new AssertionError(key);
    }

    private JsonNode read(String url) throws Exception {
        return json.readTree(mvc.perform(get(url).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
