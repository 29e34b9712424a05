package cn.studyledger.figure;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.domain.AccountService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures contract (DESIGN.md §3, §7) checked against the demo data: every figure's value agrees with its
 * evidence, two counts agree with independent SQL, data scope hides other organisations, and sessions can be
 * created. Run by a subclass per database.
 */
@Transactional
abstract class FiguresContractTests {

    static final String FIGURES = "/api/v1/orgs/XJ/years/2025/figures";

    /**
     * Figures whose value is the sum of their evidence's amounts (the others count their evidence); besides these,
     * every figure the system adds up ({@code system.<key>}, {@code system.all.<key>}, see {@link #isSum}).
     */
    static final Set<String> SUMS = Set.of("selfstudy.hours", "online.personTimes", "sessions.hours", "sessions.days");

    /** The figures of the system that the demo's units (XJ-01's two held sessions) give something to add up. */
    static final Set<String> DEMO_SYSTEM = Set.of(
            "system.sessions.collective",
            "system.all.sessions.collective",
            "system.sessions.hours",
            "system.all.sessions.hours",
            "system.firsttopic.sessions",
            "system.all.firsttopic.sessions");

    /** Whether a figure is the sum of its evidence's amounts. */
    static boolean isSum(String key) {
        return SUMS.contains(key) || (key.startsWith("system.") && !key.endsWith(".units"));
    }

    /** Figures whose value is the mean of their evidence's amounts, one decimal (no value without evidence). */
    static final Set<String> AVERAGES = Set.of("supervision.rating");

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    FigureApi figureApi;

    @Autowired
    OrgApi orgApi;

    @Autowired
    UserDetailsService users;

    final JsonMapper json = JsonMapper.builder().build();

    /** The product name the JDBC driver reports, e.g. "PostgreSQL" or "H2". */
    abstract String expectedDatabase();

    /**
     * The roll-up tallies every figure for many organisations at once (grouped SQL where a provider has it);
     * that must be exactly what each organisation's own figure says, for a year with data, its first half (上半年)
     * and a year without.
     */
    @Test
    void everyFigureTalliedForManyOrganisationsIsWhatEachOrganisationsFigureSays() {
        UserDetails superior = users.loadUserByUsername("superior");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(superior, null, superior.getAuthorities()));
        try {
            List<OrgRef> orgs = orgApi.readableOrgs();
            assertThat(orgs).hasSizeGreaterThan(5);
            int compared = 0;
            for (Period period : List.of(Period.of(2025), Period.parse(2025, "H1"), Period.of(2019))) {
                for (FigureDefinition d : figureApi.definitions()) {
                    Map<Long, FigureResult> tallied = figureApi.tally(d.key(), orgs, period);
                    assertThat(tallied.keySet())
                            .as(d.key())
                            .containsExactlyInAnyOrderElementsOf(
                                    orgs.stream().map(OrgRef::id).toList());
                    for (OrgRef org : orgs) {
                        FigureResult one =
                                figureApi.figure(org.code(), period, d.key()).result();
                        FigureResult many = tallied.get(org.id());
                        String what = d.key() + " of " + org.code() + " in " + period.label();
                        assertThat(many.value()).as(what).isEqualTo(one.value());
                        assertThat(many.numerator()).as(what).isEqualTo(one.numerator());
                        assertThat(many.denominator()).as(what).isEqualTo(one.denominator());
                        compared++;
                    }
                }
            }
            assertThat(compared).isGreaterThan(3 * 30 * 5);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void runsOnTheExpectedDatabase() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo(expectedDatabase());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?period=H1"})
    void everyFigureAgreesWithItsEvidence(String period) throws Exception {
        RequestPostProcessor clerk = as(accounts, "clerk");
        Map<String, JsonNode> figures = figures(clerk, period);
        assertThat(figures)
                .containsKeys(
                        "org.name",
                        "sessions.collective",
                        "sessions.discussion",
                        "firsttopic.sessions",
                        "attendance.rate",
                        "selfstudy.hours");

        for (JsonNode figure : figures.values()) {
            String key = figure.get("key").asString();
            JsonNode value = figure.get("value");
            assertThat(figure.get("evidence").asString())
                    .isEqualTo("/api/v1/orgs/XJ/years/2025/figures/" + key + "/evidence" + period);
            JsonNode evidence = read(clerk, figure.get("evidence").asString());
            assertThat(evidence.isArray()).as(key).isTrue();

            if (isSum(key)) {
                BigDecimal sum = BigDecimal.ZERO;
                for (JsonNode record : evidence) {
                    assertThat(record.get("amount").isNumber())
                            .as("%s evidence amount", key)
                            .isTrue();
                    sum = sum.add(record.get("amount").decimalValue());
                }
                assertThat(value.decimalValue()).as(key).isEqualByComparingTo(sum);
                if (!key.startsWith("system.") || DEMO_SYSTEM.contains(key)) {
                    // (the demo's units hold sessions only: the system's other sums are 0 there, equal to their
                    // independent queries below)
                    assertThat(sum).as("demo %s", key).isPositive();
                }
            } else if (AVERAGES.contains(key)) {
                assertThat(isPresent(figure.get("denominator"))).as(key).isFalse();
                BigDecimal sum = BigDecimal.ZERO;
                for (JsonNode record : evidence) {
                    sum = sum.add(record.get("amount").decimalValue());
                }
                if (evidence.isEmpty()) {
                    assertThat(isPresent(value)).as(key).isFalse();
                } else {
                    assertThat(value.decimalValue())
                            .as(key)
                            .isEqualByComparingTo(
                                    sum.divide(BigDecimal.valueOf(evidence.size()), 1, java.math.RoundingMode.HALF_UP));
                }
            } else if (isPresent(figure.get("numerator"))) {
                assertThat(evidence.size())
                        .as("%s evidence = numerator", key)
                        .isEqualTo(figure.get("numerator").longValue());
                assertThat(isPresent(figure.get("denominator"))).as(key).isTrue();
                JsonNode complement = read(
                        clerk, figure.get("evidence").asString() + (period.isEmpty() ? "?" : "&") + "part=complement");
                assertThat((long) evidence.size() + complement.size())
                        .as("%s evidence + complement = denominator", key)
                        .isEqualTo(figure.get("denominator").longValue());
                Set<Long> counted = new java.util.HashSet<>();
                evidence.forEach(r -> counted.add(r.get("id").longValue()));
                complement.forEach(r -> assertThat(counted)
                        .as("%s: a record is counted or not, never both", key)
                        .doesNotContain(r.get("id").longValue()));
            } else if (value != null && value.isIntegralNumber()) {
                assertThat(isPresent(figure.get("denominator"))).as(key).isFalse();
                assertThat((long) evidence.size())
                        .as("%s evidence = value", key)
                        .isEqualTo(value.longValue());
            } else if (value != null && value.isString()) {
                assertThat(evidence.size())
                        .as("%s has a record behind its text", key)
                        .isPositive();
            }
        }

        LocalDate to = period.isEmpty() ? LocalDate.of(2025, 12, 31) : LocalDate.of(2025, 6, 30);
        assertThat(figures.get("sessions.collective").get("value").longValue())
                .isEqualTo(sql("""
                        select count(*) from session_study_session s join org_unit o on o.id = s.org_id
                         where o.code = 'XJ' and s.status = 'HELD' and s.session_date between :from and :to""", to))
                .isEqualTo(period.isEmpty() ? 14 : 6);
        assertThat(figures.get("firsttopic.sessions").get("value").longValue())
                .isEqualTo(sql("""
                        select count(*) from session_study_session s join org_unit o on o.id = s.org_id
                         where o.code = 'XJ' and s.status = 'HELD' and s.session_date between :from and :to
                           and exists (select 1 from session_agenda_item a
                                        where a.session_id = s.id and a.kind = 'FIRST_TOPIC')""", to))
                .isPositive();
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 6})
    void everyFigureEqualsAnIndependentSqlQueryOnTheDemoYearAndItsFirstHalf(int lastMonth) throws Exception {
        Map<String, JsonNode> figures = figures(as(accounts, "clerk"), lastMonth == 12 ? "" : "?period=H1");
        Map<String, IndependentFigureQueries.Expected> expected =
                new IndependentFigureQueries(jdbc, "XJ", 2025, lastMonth).all();
        assertThat(expected.keySet())
                .as("every figure some module defines has an independent query")
                .containsExactlyInAnyOrderElementsOf(figures.keySet());

        for (Map.Entry<String, IndependentFigureQueries.Expected> e : expected.entrySet()) {
            JsonNode figure = figures.get(e.getKey());
            IndependentFigureQueries.Expected want = e.getValue();
            if (want.denominator() != null) {
                assertThat(figure.get("numerator").longValue()).as(e.getKey()).isEqualTo(want.numerator());
                assertThat(figure.get("denominator").longValue()).as(e.getKey()).isEqualTo(want.denominator());
            } else if (want.value() == null) {
                assertThat(isPresent(figure.get("value"))).as(e.getKey()).isFalse();
            } else if (want.value() instanceof String text) {
                assertThat(figure.get("value").asString()).as(e.getKey()).isEqualTo(text);
            } else if (want.value() instanceof BigDecimal number) {
                assertThat(figure.get("value").decimalValue()).as(e.getKey()).isEqualByComparingTo(number);
            } else {
                assertThat(figure.get("value").longValue()).as(e.getKey()).isEqualTo(want.value());
            }
        }
        if (lastMonth == 12) {
            assertThat((Long) expected.get("research.adopted").value())
                    .as("the demo year has adopted recommendations (other tests may adopt more)")
                    .isPositive();
        } else {
            assertThat(figures.get("sessions.collective").get("value").longValue())
                    .as("the first half holds part of the year's sessions")
                    .isPositive()
                    .isLessThan((Long) new IndependentFigureQueries(jdbc, "XJ", 2025)
                            .all()
                            .get("sessions.collective")
                            .value());
        }
    }

    /**
     * What a unit records is added up for the system above it exactly as the independent queries count it: two
     * writings of an XJ-01 member (one in each half; plus a speech, which is no writing, and one of its secretary,
     * who is no member) make {@code system.writings.count} 2 for the year and 1 for its first half, with XJ-01 as
     * the one record behind it. (Rolled back with the test.)
     */
    @Test
    void theSystemAddsUpWhatAUnitRecordsAsTheIndependentQueryCountsIt() throws Exception {
        long unit = jdbc.sql("select id from org_unit where code = 'XJ-01'")
                .query(Long.class)
                .single();
        long member = jdbc.sql("select min(person_id) from org_membership where org_id = :u and study_year = 2025"
                        + " and role <> 'SECRETARY'")
                .param("u", unit)
                .query(Long.class)
                .single();
        String writing =
                "insert into selfstudy_writing (org_id, person_id, kind, title, written_on, version, created_at)"
                        + " values (:u, :p, :kind, '学习体会', :on, 0, current_timestamp)";
        for (String[] w : new String[][] {
            {"EXPERIENCE", "2025-03-10"}, {"RESEARCH_REPORT", "2025-10-10"}, {"SPEECH", "2025-04-01"}
        }) {
            jdbc.sql(writing)
                    .param("u", unit)
                    .param("p", member)
                    .param("kind", w[0])
                    .param("on", LocalDate.parse(w[1]))
                    .update();
        }
        jdbc.sql("select person_id from org_membership where org_id = :u and study_year = 2025 and role = 'SECRETARY'")
                .param("u", unit)
                .query(Long.class)
                .list()
                .forEach(secretary -> jdbc.sql(writing)
                        .param("u", unit)
                        .param("p", secretary)
                        .param("kind", "EXPERIENCE")
                        .param("on", LocalDate.of(2025, 5, 5))
                        .update());

        RequestPostProcessor clerk = as(accounts, "clerk");
        for (int lastMonth : new int[] {12, 6}) {
            String period = lastMonth == 12 ? "" : "?period=H1";
            Map<String, JsonNode> figures = figures(clerk, period);
            Map<String, IndependentFigureQueries.Expected> expected =
                    new IndependentFigureQueries(jdbc, "XJ", 2025, lastMonth).all();
            for (String key : List.of("system.writings.count", "system.all.writings.count")) {
                assertThat(figures.get(key).get("value").decimalValue())
                        .as(key + period)
                        .isEqualByComparingTo((BigDecimal) expected.get(key).value())
                        .isEqualByComparingTo(lastMonth == 12 ? "2" : "1");
            }
            JsonNode evidence = read(clerk, FIGURES + "/system.writings.count/evidence" + period);
            assertThat(evidence).hasSize(1);
            assertThat(evidence.get(0).get("id").longValue()).isEqualTo(unit);
            assertThat(evidence.get(0).get("amount").decimalValue()).isEqualByComparingTo(lastMonth == 12 ? "2" : "1");
        }
    }

    @Test
    void aClerkOfASubordinateUnitDoesNotSeeTheBureau() throws Exception {
        mvc.perform(get(FIGURES).with(as(accounts, "unitclerk"))).andExpect(status().isNotFound());
        mvc.perform(get(FIGURES + "/attendance.rate/evidence?part=complement").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
    }

    @Test
    void anUnknownPartOfTheEvidenceIsABadRequest() throws Exception {
        mvc.perform(get(FIGURES + "/attendance.rate/evidence?part=everything").with(as(accounts, "clerk")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("part 只能是 numerator 或 complement"));
    }

    @Test
    void theClerkCreatesASession() throws Exception {
        String body = """
                {"title":"学习贯彻全会精神专题研讨","date":"2025-12-30","durationHours":3,"format":"DISCUSSION",
                 "agenda":[{"kind":"FIRST_TOPIC","title":"x"}]}""";
        mvc.perform(post("/api/v1/orgs/XJ/sessions")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.status").value("PLANNED"))
                .andExpect(jsonPath("$.agenda[0].kind").value("FIRST_TOPIC"))
                .andExpect(jsonPath("$.attendance.length()").value(9));
    }

    private long sql(String query, LocalDate to) {
        return jdbc.sql(query)
                .param("from", LocalDate.of(2025, 1, 1))
                .param("to", to)
                .query(Long.class)
                .single();
    }

    private Map<String, JsonNode> figures(RequestPostProcessor user, String period) throws Exception {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        read(user, FIGURES + period).forEach(f -> byKey.put(f.get("key").asString(), f));
        return byKey;
    }

    private JsonNode read(RequestPostProcessor user, String url) throws Exception {
        String body = mvc.perform(get(url).with(user))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private static boolean isPresent(JsonNode node) {
        return node != null && !node.isNull();
    }
}
