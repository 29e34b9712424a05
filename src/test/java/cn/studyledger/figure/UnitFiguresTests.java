package cn.studyledger.figure;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.domain.AccountService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The two figures about a unit that the year's assessment of subordinate groups reads: {@code supervision.rating}
 * (the mean weighted score of the 列席旁听 visits it received) and {@code submissions.filedOnTime} (its own filings to
 * its superior, the first of each kind, filed by the due date), on the demo's X局 units and on rows added here —
 * each equal to its tally for many units and to the independent SQL. The rows are committed (the tally reads in
 * transactions of its own) and put back after each test.
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class UnitFiguresTests {

    static final String RATING = "supervision.rating";
    static final String FILED = "submissions.filedOnTime";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FigureApi figures;

    @Autowired
    OrgApi orgs;

    @Autowired
    UserDetailsService users;

    @Test
    void theDemoUnitsRatingsAreTheirVisitsWeightedScores() {
        // the demo's default criteria weigh 20/25/25/15/15; one rated visit per unit, XJ-06's not yet observed
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        expected.put("XJ-01", new BigDecimal("90"));
        expected.put("XJ-02", new BigDecimal("84.5"));
        expected.put("XJ-03", new BigDecimal("81.6"));
        expected.put("XJ-04", new BigDecimal("85.9"));
        expected.put("XJ-05", new BigDecimal("92.3"));
        expected.put("XJ-06", null);
        asSuperior(() -> {
            for (Map.Entry<String, BigDecimal> e : expected.entrySet()) {
                FigureResult r = figures.figure(e.getKey(), 2025, RATING).result();
                assertThat(r.value()).as(e.getKey()).isEqualTo(e.getValue());
                assertThat(r.numerator()).isNull();
                assertThat(r.denominator()).isNull();
                assertThat(r.evidence()).hasSize(e.getValue() == null ? 0 : 1);
            }
            FigureResult first = figures.figure("XJ-01", 2025, RATING).result();
            Evidence visit = first.evidence().get(0);
            assertThat(visit.amount()).isEqualByComparingTo("90.0");
            assertThat(visit.date()).isEqualTo(LocalDate.of(2025, 4, 10));
            assertThat(visit.url()).isEqualTo("/supervision/visits/" + visit.id());
            assertThat(figures.figure("XJ", 2025, RATING).result().hasValue())
                    .as("the bureau visits, nobody visited it")
                    .isFalse();
            assertSameAsTally(RATING);
            return null;
        });
    }

    @Test
    void aUnitsRatingIsTheMeanOfItsRatedVisitsInThePeriod() {
        long unit = orgId("XJ-01");
        long bureau = orgId("XJ");
        visit(bureau, unit, LocalDate.of(2025, 10, 16), new BigDecimal("85.5"));
        visit(bureau, unit, LocalDate.of(2025, 11, 20), null); // planned, not yet rated: not in the mean
        visit(bureau, unit, LocalDate.of(2024, 10, 16), new BigDecimal("60.0")); // another year
        asSuperior(() -> {
            FigureResult year = figures.figure("XJ-01", 2025, RATING).result();
            assertThat(year.value()).as("(90 + 85.5) / 2 = 87.75").isEqualTo(new BigDecimal("87.8"));
            assertThat(year.evidence())
                    .extracting(Evidence::amount)
                    .containsExactly(new BigDecimal("90.0"), new BigDecimal("85.5"));
            assertThat(figures.figure("XJ-01", Period.parse(2025, "H1"), RATING)
                            .result()
                            .value())
                    .isEqualTo(new BigDecimal("90"));
            assertThat(figures.figure("XJ-01", 2024, RATING).result().value()).isEqualTo(new BigDecimal("60"));
            assertSameAsTally(RATING);
            return null;
        });
        assertIndependent("XJ-01", RATING);
    }

    @Test
    void theDemoUnitsFiledTheirMemberListsOnTimeButThePlanningInstitute() {
        // XJ-01, XJ-02 in time and accepted, XJ-04 in time and returned, XJ-03 late; XJ-05 and XJ-06 filed nothing
        asSuperior(() -> {
            assertRate("XJ-01", Period.of(2025), 1, 1, "100");
            assertRate("XJ-02", Period.of(2025), 1, 1, "100");
            assertRate("XJ-03", Period.of(2025), 0, 1, "0");
            assertRate("XJ-04", Period.of(2025), 1, 1, "100");
            assertRate("XJ-05", Period.of(2025), 0, 0, null);
            assertRate("XJ", Period.of(2025), 0, 0, null);
            FigureResult late = figures.figure("XJ-03", 2025, FILED).result();
            assertThat(late.complement()).hasSize(1);
            Evidence filing = late.complement().get(0);
            assertThat(filing.date()).isEqualTo(LocalDate.of(2025, 2, 10));
            assertThat(filing.title()).startsWith("中心组成员名册");
            assertThat(filing.detail()).contains("逾期报送");
            assertThat(filing.url()).isEqualTo("/api/v1/submissions/" + filing.id());
            assertSameAsTally(FILED);
            return null;
        });
    }

    @Test
    void onlyTheFirstFilingOfEachKindCountsAndTheYearIsTheFilingsYear() {
        long unit = orgId("XJ-04");
        long bureau = orgId("XJ");
        // XJ-04's member list, returned, filed again late: the first filing (in time) decides
        filing(unit, bureau, "MEMBER_LIST", 2025, LocalDate.of(2025, 3, 3), LocalDate.of(2025, 1, 31));
        // its plan, late; its annual report of 2025 filed in time the next January; a plan of 2024 (another year)
        filing(unit, bureau, "ANNUAL_PLAN", 2025, LocalDate.of(2025, 2, 14), LocalDate.of(2025, 1, 31));
        filing(unit, bureau, "ANNUAL_REPORT", 2025, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 31));
        filing(unit, bureau, "ANNUAL_PLAN", 2024, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 1, 31));
        asSuperior(() -> {
            assertRate("XJ-04", Period.of(2025), 2, 3, "66.7");
            assertRate("XJ-04", Period.parse(2025, "H1"), 1, 2, "50");
            assertRate("XJ-04", Period.of(2024), 0, 1, "0");
            assertSameAsTally(FILED);
            return null;
        });
        assertIndependent("XJ-04", FILED);
    }

    @Test
    void theUnitReadsBothFiguresAndOpensTheirRecords() throws Exception {
        String figuresOf = "/api/v1/orgs/XJ-01/years/2025/figures";
        mvc.perform(get(figuresOf + "/" + RATING + "/evidence").with(as(accounts, "unitclerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].amount").value(90.0));
        String visitPage = jdbc.sql("select concat('/supervision/visits/', v.id) from supervision_visit v"
                        + " join org_unit u on u.id = v.unit_org_id where u.code = 'XJ-01'")
                .query(String.class)
                .single();
        mvc.perform(get(visitPage).with(as(accounts, "unitclerk"))).andExpect(status().isOk());
        mvc.perform(get(figuresOf + "/" + FILED + "/evidence").with(as(accounts, "unitclerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        String filing = jdbc.sql("select concat('/api/v1/submissions/', f.id) from liaison_submission f"
                        + " join org_unit u on u.id = f.unit_org_id where u.code = 'XJ-01'")
                .query(String.class)
                .single();
        mvc.perform(get(filing).with(as(accounts, "unitclerk"))).andExpect(status().isOk());
    }

    private void assertRate(String org, Period period, long numerator, long denominator, String value) {
        FigureResult r = figures.figure(org, period, FILED).result();
        String what = org + " " + period.label();
        assertThat(r.numerator()).as(what).isEqualTo(numerator);
        assertThat(r.denominator()).as(what).isEqualTo(denominator);
        assertThat(r.value()).as(what).isEqualTo(value == null ? null : new BigDecimal(value));
        assertThat(r.evidence().size() + r.complement().size()).as(what).isEqualTo((int) denominator);
    }

    /** Every readable organisation's tally is its own figure, for the demo year, its first half and the year before. */
    private void assertSameAsTally(String key) {
        List<OrgRef> all = orgs.readableOrgs();
        for (Period period : List.of(Period.of(2025), Period.parse(2025, "H1"), Period.of(2024))) {
            Map<Long, FigureResult> tallied = figures.tally(key, all, period);
            for (OrgRef org : all) {
                FigureResult one = figures.figure(org.code(), period, key).result();
                String what = key + " of " + org.code() + " in " + period.label();
                assertThat(tallied.get(org.id()).value()).as(what).isEqualTo(one.value());
                assertThat(tallied.get(org.id()).numerator()).as(what).isEqualTo(one.numerator());
                assertThat(tallied.get(org.id()).denominator()).as(what).isEqualTo(one.denominator());
            }
        }
    }

    /** The figure of the year and its first half equals the independent SQL. */
    private void assertIndependent(String org, String key) {
        for (int lastMonth : new int[] {12, 6}) {
            IndependentFigureQueries.Expected want = new IndependentFigureQueries(jdbc, org, 2025, lastMonth)
                    .all()
                    .get(key);
            FigureResult got = asSuperior(
                    () -> figures.figure(org, lastMonth == 12 ? Period.of(2025) : Period.parse(2025, "H1"), key)
                            .result());
            String what = key + " of " + org + " to month " + lastMonth;
            if (want.denominator() != null) {
                assertThat(got.numerator()).as(what).isEqualTo(want.numerator());
                assertThat(got.denominator()).as(what).isEqualTo(want.denominator());
            } else {
                assertThat((BigDecimal) got.value()).as(what).isEqualByComparingTo((BigDecimal) want.value());
            }
        }
    }

    private <T> T asSuperior(Supplier<T> work) {
        UserDetails superior = users.loadUserByUsername("superior");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(superior, null, superior.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private long orgId(String code) {
        return jdbc.sql("select id from org_unit where code = :code")
                .param("code", code)
                .query(Long.class)
                .single();
    }

    private void visit(long superior, long unit, LocalDate plannedOn, BigDecimal score) {
        jdbc.sql("""
                        insert into supervision_visit (superior_org_id, unit_org_id, planned_on, session_title, stage,
                                                       observed_on, weighted_score, version, created_at)
                        values (:superior, :unit, :plannedOn, '专题学习', :stage, :observedOn, :score, 0, current_timestamp)""")
                .param("superior", superior)
                .param("unit", unit)
                .param("plannedOn", plannedOn)
                .param("stage", score == null ? "PLANNED" : "OBSERVED")
                .param("observedOn", score == null ? null : plannedOn)
                .param("score", score)
                .update();
    }

    private void filing(long unit, long superior, String kind, int year, LocalDate on, LocalDate due) {
        long fileId = jdbc.sql("select min(file_id) from liaison_submission")
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into liaison_submission (unit_org_id, superior_org_id, kind, submission_year, status,
                                                        submitted_on, submitted_by, due_on, file_id, document_name,
                                                        version, created_at)
                        values (:unit, :superior, :kind, :year, 'SUBMITTED', :on, '学习秘书', :due, :file, '报送材料.docx',
                                0, current_timestamp)""")
                .param("unit", unit)
                .param("superior", superior)
                .param("kind", kind)
                .param("year", year)
                .param("on", on)
                .param("due", due)
                .param("file", fileId)
                .update();
    }
}
