package cn.studyledger.dashboard;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import cn.studyledger.dashboard.domain.Rollup;
import cn.studyledger.dashboard.domain.RollupService;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The superior's roll-up: X局 and its six units in rows, totals that add up (rates recomputed from their parts),
 * each cell the unit's own figure, an audited Excel export, and nobody but a superior may open it.
 */
@IntegrationTest
@Transactional
class RollupTests {

    static final List<String> KEYS = List.of("sessions.collective", "attendance.rate", "selfstudy.hours");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RollupService rollups;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /**
     * The rows of XJ's roll-up: XJ, then its active direct subordinates in tree order (each with its own units added
     * in); other tests in the shared context may have added units.
     */
    List<String> rows() {
        return jdbc.sql("""
                        select u.code from org_unit u, org_unit root where root.code = 'XJ'
                          and (u.id = root.id or u.parent_id = root.id) and u.active = true order by u.path""").query(String.class).list();
    }

    @Test
    void theSuperiorSeesTheBureauAndItsSixUnitsWithTotalsThatAddUp() {
        signIn("superior");
        Rollup rollup = rollups.rollup("XJ", 2025, KEYS);
        assertThat(rollup.rows())
                .extracting(Rollup.Row::orgCode)
                .containsExactlyElementsOf(rows())
                .startsWith("XJ", "XJ-01")
                .contains("XJ-02", "XJ-03", "XJ-04", "XJ-05", "XJ-06");
        assertThat(rollup.rows().get(0).depth()).isZero();
        assertThat(rollup.rows().get(1).depth()).isEqualTo(1);

        // a count: each unit's value is its own held sessions, and the total is their sum
        long sum = 0;
        for (Rollup.Row row : rollup.rows()) {
            long value = ((Number) row.cells().get(0).value()).longValue();
            assertThat(value)
                    .as(row.orgCode())
                    .isEqualTo(
                            row.subordinates() == 0 ? heldSessions(row.orgCode()) : heldSessionsBelow(row.orgCode()));
            sum += value;
        }
        assertThat(rollup.total().cells().get(0).value()).isEqualTo(sum);
        assertThat(sum).isGreaterThanOrEqualTo(16);

        // a rate: Σ numerators / Σ denominators, not the average of the units' rates
        long numerator = 0;
        long denominator = 0;
        for (Rollup.Row row : rollup.rows()) {
            numerator += row.cells().get(1).numerator();
            denominator += row.cells().get(1).denominator();
        }
        Rollup.Cell rate = rollup.total().cells().get(1);
        assertThat(rate.numerator()).isEqualTo(numerator);
        assertThat(rate.denominator()).isEqualTo(denominator);
        assertThat((BigDecimal) rate.value())
                .isEqualByComparingTo(BigDecimal.valueOf(numerator * 100)
                        .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP));

        // a sum of hours adds up too
        BigDecimal hours = BigDecimal.ZERO;
        for (Rollup.Row row : rollup.rows()) {
            hours = hours.add(new BigDecimal(row.cells().get(2).value().toString()));
        }
        assertThat(new BigDecimal(rollup.total().cells().get(2).value().toString()))
                .isEqualByComparingTo(hours);
    }

    @Test
    void aSuperiorRollingUpASubordinateUnitSeesThatUnitAlone() {
        signIn("superior");
        Rollup rollup = rollups.rollup("XJ-01", 2025, KEYS);
        assertThat(rollup.rows()).extracting(Rollup.Row::orgCode).containsExactly("XJ-01");
    }

    @Test
    void thePageShowsSevenRowsEachCellLinkingToTheUnitsEvidence() throws Exception {
        String page = mvc.perform(get("/rollup")
                        .param("keys", "sessions.collective", "attendance.rate")
                        .with(as(accounts, "superior")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Matcher rows = Pattern.compile("<tr data-org=\"([^\"]+)\"").matcher(page);
        int count = 0;
        while (rows.find()) {
            count++;
        }
        assertThat(count).isEqualTo(rows().size());
        assertThat(page)
                .contains("/rollup/evidence?org=XJ-01&amp;key=sessions.collective")
                .contains("id=\"rollup-total\"");
        mvc.perform(get("/rollup/evidence")
                        .param("org", "XJ-01")
                        .param("key", "sessions.collective")
                        .with(as(accounts, "superior")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("共 " + heldSessions("XJ-01") + " 条依据记录")));
        // the default columns
        mvc.perform(get("/rollup").with(as(accounts, "superior")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-key=\"firsttopic.sessions\"")))
                .andExpect(content().string(containsString("data-key=\"writings.count\"")));
    }

    @Test
    void onlyASuperiorOpensTheRollUp() throws Exception {
        for (String user : List.of("unitclerk", "clerk", "leader", "member")) {
            mvc.perform(get("/rollup").with(as(accounts, user))).andExpect(status().isForbidden());
            mvc.perform(get("/rollup.xlsx").with(as(accounts, user))).andExpect(status().isForbidden());
            mvc.perform(get("/rollup/evidence")
                            .param("org", "XJ")
                            .param("key", "sessions.collective")
                            .with(as(accounts, user)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void theExcelExportHoldsTheSameTableAndIsAudited() throws Exception {
        long exports = jdbc.sql("select count(*) from common_audit_event where action = 'EXPORT'"
                        + " and object_type = '下属单位汇总'")
                .query(Long.class)
                .single();
        byte[] xlsx = mvc.perform(get("/rollup.xlsx")
                        .param("keys", KEYS.toArray(String[]::new))
                        .with(as(accounts, "superior")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).startsWith("集体学习");
            int units = rows().size();
            assertThat(sheet.getLastRowNum()).isEqualTo(units + 1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("X局");
            Row total = sheet.getRow(units + 1);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            double sum = 0;
            for (int r = 1; r <= units; r++) {
                sum += sheet.getRow(r).getCell(1).getNumericCellValue();
            }
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(sum);
        }
        assertThat(jdbc.sql("select count(*) from common_audit_event where action = 'EXPORT'"
                                + " and object_type = '下属单位汇总'")
                        .query(Long.class)
                        .single())
                .isEqualTo(exports + 1);
    }

    private long heldSessions(String orgCode) {
        return jdbc.sql("""
                        select count(*) from session_study_session s join org_unit o on o.id = s.org_id
                         where o.code = ? and s.status = 'HELD'
                           and s.session_date between '2025-01-01' and '2025-12-31'""").param(orgCode).query(Long.class).single();
    }

    /** Held sessions of the unit and every unit below it. */
    private long heldSessionsBelow(String orgCode) {
        return jdbc.sql("""
                        select count(*) from session_study_session s join org_unit o on o.id = s.org_id
                          join org_unit top on top.code = ? and o.path like concat(top.path, '%')
                         where s.status = 'HELD' and s.session_date between '2025-01-01' and '2025-12-31'""").param(orgCode).query(Long.class).single();
    }

    private void signIn(String username) {
        UserDetails user = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
