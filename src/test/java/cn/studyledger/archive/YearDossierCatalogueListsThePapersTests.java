package cn.studyledger.archive;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's 学习档案专卷目录 lists, in order, the plan, the report, each held session's 会议记录 (where minutes were
 * taken), 签到表, issued 学习简报 and stored 发言提纲, then the writings — as many rows of each as the records hold —
 * each named by its file in the year's archive, where the written papers are under documents/. Another organisation's
 * clerk is refused.
 */
@IntegrationTest
@Transactional
class YearDossierCatalogueListsThePapersTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    static final String HELD = "from session_study_session s join org_unit o on o.id = s.org_id where o.code = 'XJ'"
            + " and s.status = 'HELD' and extract(year from s.session_date) = 2025";

    /** The 目录's table rows (without the header), as cell texts. */
    static List<List<String>> rows(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTable table = doc.getTables().get(0);
            return table.getRows().stream()
                    .skip(1)
                    .map(XWPFTableRow::getTableCells)
                    .map(cells -> cells.stream().map(c -> c.getText().strip()).toList())
                    .toList();
        }
    }

    @Test
    void theCatalogueHasARowForEveryPaperOfTheYearInOrder() throws Exception {
        byte[] docx = Downloads.fetch(
                mvc, get("/api/v1/orgs/XJ/years/2025/archive/catalogue.docx").with(as(accounts, "clerk")));
        List<List<String>> rows = rows(docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("2025年度学习档案专卷目录", "本卷共" + rows.size() + "件");
        }
        long held = count("select count(*) " + HELD);
        long minutes = count("select count(*) " + HELD + " and s.minutes is not null");
        long briefs = count("select count(*) from session_brief b join org_unit o on o.id = b.org_id"
                + " join session_study_session s on s.id = b.session_id"
                + " where o.code = 'XJ' and b.status = 'ISSUED' and s.status = 'HELD' and b.brief_year = 2025");
        long outlines = count("select count(*) from session_speech p"
                + " join session_study_session s on s.id = p.session_id"
                + " join org_unit o on o.id = s.org_id where o.code = 'XJ' and s.status = 'HELD'"
                + " and extract(year from s.session_date) = 2025 and p.outline_file_id is not null");
        long writings = count("select count(*) from selfstudy_writing w join org_unit o on o.id = w.org_id"
                + " where o.code = 'XJ' and extract(year from w.written_on) = 2025");
        long plan = count("select count(*) from plan_annual_plan p join org_unit o on o.id = p.org_id"
                                + " where o.code = 'XJ' and p.plan_year = 2025 and p.status = 'APPROVED'")
                        > 0
                ? 1
                : 0;
        assertThat(held).isPositive();
        assertThat(minutes).isPositive();
        assertThat(briefs).isPositive();
        assertThat(writings).isPositive();

        Map<String, Long> expected = new LinkedHashMap<>();
        if (plan > 0) {
            expected.put("年度学习计划", 1L);
        }
        expected.put("年度学习情况报告", 1L);
        expected.put("会议记录", minutes);
        expected.put("签到表", held);
        expected.put("学习简报", briefs);
        if (outlines > 0) {
            expected.put("发言提纲", outlines);
        }
        expected.put("心得体会、调研报告", writings);
        Map<String, Long> found = new LinkedHashMap<>();
        for (List<String> row : rows) {
            found.merge(row.get(1), 1L, Long::sum);
        }
        assertThat(found).containsExactlyEntriesOf(expected);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get(0)).isEqualTo(String.valueOf(i + 1));
        }
        assertThat(rows.stream().filter(r -> r.get(1).equals("学习简报")).map(r -> r.get(5)))
                .allMatch(name -> name.startsWith("documents/2025-学习简报-第") && name.endsWith("期.docx"));
        assertThat(rows.stream().filter(r -> r.get(1).equals("签到表")).map(r -> r.get(5)))
                .allMatch(name -> name.startsWith("documents/") && name.endsWith("-签到表.docx"));
        assertThat(rows.stream().filter(r -> r.get(1).equals("心得体会、调研报告")).map(r -> r.get(5)))
                .allMatch(name -> name.equals("未附文件") || name.startsWith("files/"));
    }

    @Test
    void theArchiveHoldsTheCatalogueAndTheWrittenPapersItNames() throws Exception {
        Map<String, byte[]> entries = ArchiveContents.unzip(Downloads.fetch(
                mvc, get("/api/v1/orgs/XJ/years/2025/archive.zip").with(as(accounts, "clerk"))));
        assertThat(entries).containsKey("目录.docx");
        List<List<String>> rows = rows(entries.get("目录.docx"));
        for (List<String> row : rows) {
            String name = row.get(5);
            if (!name.equals("未附文件")) {
                assertThat(entries).as(name).containsKey(name);
            }
            if (name.startsWith("documents/")) {
                try (XWPFDocument paper = new XWPFDocument(new ByteArrayInputStream(entries.get(name)))) {
                    assertThat(paper.getParagraphs()).isNotEmpty();
                }
            }
        }
        assertThat(entries.keySet().stream().filter(n -> n.startsWith("documents/")))
                .hasSize((int) rows.stream()
                        .filter(r -> r.get(5).startsWith("documents/"))
                        .count());
    }

    @Test
    void anotherOrganisationsClerkAndMembersAreRefused() throws Exception {
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/archive/catalogue.docx").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/archive/catalogue.docx").with(as(accounts, "member")))
                .andExpect(status().isForbidden());
    }
}
