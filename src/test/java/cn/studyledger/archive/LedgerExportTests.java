package cn.studyledger.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import cn.studyledger.Logins;
import cn.studyledger.office.LedgerProvider;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

@IntegrationTest
@Transactional
class LedgerExportTests {

    /** Independent counts of XJ's 2025 records, one per ledger. */
    static final Map<String, String> COUNTS = Map.ofEntries(
            Map.entry(
                    "sessions",
                    "select count(*) from session_study_session s where s.org_id = :org"
                            + " and extract(year from s.session_date) = 2025"),
            Map.entry(
                    "attendance",
                    "select count(*) from session_attendance a join session_study_session s"
                            + " on s.id = a.session_id where s.org_id = :org and extract(year from s.session_date) = 2025"),
            Map.entry(
                    "leave",
                    "select count(*) from session_leave_request l join session_study_session s"
                            + " on s.id = l.session_id where s.org_id = :org and extract(year from s.session_date) = 2025"),
            Map.entry(
                    "firsttopic",
                    "select count(*) from firsttopic_item where org_id = :org"
                            + " and extract(year from published_on) = 2025"),
            Map.entry(
                    "firsttopic-tasks",
                    "select count(*) from firsttopic_task t join firsttopic_deployment d"
                            + " on d.id = t.deployment_id where t.org_id = :org and extract(year from d.decided_on) = 2025"),
            Map.entry(
                    "selfstudy",
                    "select count(*) from selfstudy_entry where org_id = :org"
                            + " and extract(year from study_date) = 2025"),
            Map.entry(
                    "writings",
                    "select count(*) from selfstudy_writing where org_id = :org"
                            + " and extract(year from written_on) = 2025"),
            Map.entry(
                    "supervision",
                    "select count(*) from supervision_visit where superior_org_id = :org"
                            + " and extract(year from planned_on) = 2025"),
            Map.entry(
                    "rectification",
                    "select count(*) from supervision_rectification r join supervision_visit v"
                            + " on v.id = r.visit_id where v.superior_org_id = :org and extract(year from v.planned_on) = 2025"),
            Map.entry(
                    "research",
                    "select count(*) from research_topic t where t.org_id = :org and t.topic_year = 2025"
                            + " and not exists (select 1 from research_recommendation r where r.topic_id = t.id)"),
            Map.entry(
                    "investigations",
                    "select count(*) from research_investigation i where i.org_id = :org"
                            + " and i.investigation_year = 2025"),
            Map.entry(
                    "publicity",
                    "select count(*) from outreach_publicity_item where org_id = :org"
                            + " and extract(year from published_on) = 2025"));

    /** Rows that a ledger shows besides the counted ones (children listed under their parent). */
    static final Map<String, String> EXTRA = Map.of(
            "research",
                    "select count(*) from research_recommendation r join research_topic t on t.id = r.topic_id"
                            + " where t.org_id = :org and t.topic_year = 2025",
            "investigations",
                    "select (select count(*) from research_trip t join research_investigation i"
                            + " on i.id = t.investigation_id where i.org_id = :org and i.investigation_year = 2025)"
                            + " + (select count(*) from research_report r join research_investigation i"
                            + " on i.id = r.investigation_id where i.org_id = :org and i.investigation_year = 2025)");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<LedgerProvider> providers;

    @Test
    void everyLedgerOfXjReopensWithItsHeaderAndOneRowPerRecord() throws Exception {
        long org = jdbc.sql("select id from org_unit where code = 'XJ'")
                .query(Long.class)
                .single();
        assertThat(providers.stream().map(LedgerProvider::key).collect(Collectors.toSet()))
                .containsAll(COUNTS.keySet());
        for (LedgerProvider provider : providers) {
            if (!COUNTS.containsKey(provider.key())) {
                continue;
            }
            byte[] xlsx = Downloads.fetch(
                    mvc,
                    get("/api/v1/orgs/XJ/years/2025/ledgers/{key}.xlsx", provider.key())
                            .with(Logins.as(accounts, "clerk")));
            long expected = count(COUNTS.get(provider.key()), org)
                    + (EXTRA.containsKey(provider.key()) ? count(EXTRA.get(provider.key()), org) : 0);
            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet sheet = workbook.getFirstSheet();
                assertThat(sheet.getName()).isEqualTo(provider.title());
                List<Row> rows = sheet.read();
                List<String> header = rows.get(0).stream()
                        .map(c -> c == null ? "" : c.getRawValue())
                        .toList();
                assertThat(header).as(provider.key()).isEqualTo(provider.header());
                assertThat(rows.size() - 1).as(provider.key()).isEqualTo(expected);
            }
        }
        assertThat(count("select count(*) from session_study_session where org_id = :org", org))
                .isPositive();
    }

    @Test
    void ledgerPageListsEveryLedgerWithADownloadLink() throws Exception {
        mvc.perform(get("/ledgers").with(Logins.as(accounts, "leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/ledgers/sessions.xlsx")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("集中学习台账")));
        byte[] xlsx = Downloads.fetch(mvc, get("/ledgers/attendance.xlsx").with(Logins.as(accounts, "leader")));
        assertThat(xlsx).startsWith('P', 'K');
        assertThat(jdbc.sql("select count(*) from common_audit_event where action = 'EXPORT' and object_type = '台账'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void theSessionsLedgerHasRealDatesTheAgendaTheRecorderAndThoseWhoCame() throws Exception {
        var first = jdbc.sql("""
                        select s.id, s.session_date, s.recorder_person_id from session_study_session s
                        join org_unit o on o.id = s.org_id where o.code = 'XJ' and s.status = 'HELD'
                          and s.session_date >= date '2025-01-01' and s.session_date < date '2026-01-01'
                        order by s.session_date, s.id fetch first 1 rows only""")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getObject(3)})
                .single();
        long present = jdbc.sql("select count(*) from session_attendance where session_id = ? and status = 'PRESENT'")
                .param(first[0])
                .query(Long.class)
                .single();
        String agendaTitle = jdbc.sql(
                        "select title from session_agenda_item where session_id = ? order by position fetch first 1 rows only")
                .param(first[0])
                .query(String.class)
                .single();
        byte[] xlsx = Downloads.fetch(
                mvc, get("/api/v1/orgs/XJ/years/2025/ledgers/sessions.xlsx").with(Logins.as(accounts, "clerk")));
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            List<String> header = rows.get(0).stream().map(c -> c.getRawValue()).toList();
            assertThat(header).contains("议题", "记录人", "出席人数");
            Row row = rows.get(1);
            assertThat(row.getCell(0).getType())
                    .as("a date the spreadsheet can sort and filter")
                    .isEqualTo(CellType.NUMBER);
            assertThat(row.getCellAsDate(0))
                    .hasValueSatisfying(d -> assertThat(d.toLocalDate()).isEqualTo(first[1]));
            assertThat(row.getCellAsString(header.indexOf("议题")))
                    .hasValueSatisfying(t -> assertThat(t).contains(agendaTitle));
            assertThat(row.getCellAsNumber(header.indexOf("出席人数")))
                    .hasValueSatisfying(n -> assertThat(n.longValue()).isEqualTo(present));
            if (first[2] != null) {
                assertThat(row.getCellAsString(header.indexOf("记录人")))
                        .hasValueSatisfying(t -> assertThat(t).isNotBlank());
            }
        }
    }

    @Test
    void unitClerkCannotSeeXjLedgersAndMemberMayNotExport() throws Exception {
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/ledgers/sessions.xlsx").with(Logins.as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/ledgers").with(Logins.as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/ledgers/sessions.xlsx").with(Logins.as(accounts, "member")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/ledgers").with(Logins.as(accounts, "member"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/ledgers/unknown.xlsx").with(Logins.as(accounts, "clerk")))
                .andExpect(status().isNotFound());
    }

    private long count(String sql, long org) {
        return jdbc.sql(sql).param("org", org).query(Long.class).single();
    }
}
