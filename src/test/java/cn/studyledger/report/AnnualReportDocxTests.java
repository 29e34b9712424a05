package cn.studyledger.report;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import cn.studyledger.org.domain.AccountService;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The annual report as the clerk downloads it, reopened with POI: GB/T 9704 layout (fonts, sizes, A4 margins,
 * fixed line pitch, page numbers in odd and even footers) and section 一 written with the figures the API
 * reports.
 */
@IntegrationTest
@Transactional
class AnnualReportDocxTests {

    static final String TITLE = "X局党组关于2025年度理论学习中心组学习情况报告";
    static final Pattern HEADING1 = Pattern.compile("^[一二三四五六七八九十]+、.*");
    static final Pattern HEADING2 = Pattern.compile("^（[一二三四五六七八九十]+）.*");

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    jakarta.persistence.EntityManager entities;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void clerkDownloadsTheReportInOfficialLayoutWithTheApiFigures() throws Exception {
        RequestPostProcessor clerk = as(accounts, "clerk");
        long exportsBefore = exports();

        byte[] bytes = mvc.perform(get("/api/v1/orgs/XJ/years/2025/report.docx").with(clerk))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Type",
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(exports()).as("an EXPORT audit row for the download").isEqualTo(exportsBefore + 1);

        Map<String, JsonNode> figures = figures(clerk);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<XWPFParagraph> paragraphs = doc.getParagraphs().stream()
                    .filter(p -> !p.getText().isBlank())
                    .toList();

            // title
            XWPFParagraph title = paragraphs.get(0);
            assertThat(title.getText().replace("\n", "")).isEqualTo(TITLE);
            assertRuns(title.getRuns(), "方正小标宋简体", 22);
            assertThat(titleLines(title))
                    .as("two balanced lines broken after the year, inside the one centred title paragraph")
                    .containsExactly("X局党组关于2025年度", "理论学习中心组学习情况报告");

            // headings and body
            XWPFParagraph heading = paragraphs.stream()
                    .filter(p -> p.getText().equals("一、学习开展基本情况"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("heading 一、学习开展基本情况 missing"));
            assertRuns(heading.getRuns(), "黑体", 16);
            int bodyParagraphs = 0;
            for (XWPFParagraph p : paragraphs.subList(1, paragraphs.size())) {
                String text = p.getText();
                if (HEADING1.matcher(text).matches()) {
                    assertRuns(p.getRuns(), "黑体", 16);
                } else if (HEADING2.matcher(text).matches()) {
                    assertRuns(p.getRuns().subList(0, 1), "楷体_GB2312", 16);
                    assertRuns(p.getRuns().subList(1, p.getRuns().size()), "仿宋_GB2312", 16);
                } else {
                    assertRuns(p.getRuns(), "仿宋_GB2312", 16);
                    bodyParagraphs++;
                }
            }
            assertThat(bodyParagraphs).as("body paragraphs").isGreaterThanOrEqualTo(4);

            // fixed line pitch 28.95 pt on every paragraph
            for (XWPFParagraph p : doc.getParagraphs()) {
                CTSpacing spacing = p.getCTP().getPPr().getSpacing();
                assertThat(p.getSpacingLineRule())
                        .as("line rule of '%s'", p.getText())
                        .isEqualTo(LineSpacingRule.EXACT);
                assertThat(twips(spacing.getLine()))
                        .as("line pitch of '%s'", p.getText())
                        .isEqualTo(579);
            }

            // A4 and margins 37 / 35 / 28 / 26 mm
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            CTPageSz size = sect.getPgSz();
            assertThat(twips(size.getW())).isCloseTo(11906, org.assertj.core.data.Offset.offset(2L));
            assertThat(twips(size.getH())).isCloseTo(16838, org.assertj.core.data.Offset.offset(2L));
            CTPageMar margins = sect.getPgMar();
            assertThat(twips(margins.getTop())).as("top").isBetween(2096L, 2100L);
            assertThat(twips(margins.getBottom())).as("bottom").isBetween(1982L, 1986L);
            assertThat(twips(margins.getLeft())).as("left").isBetween(1585L, 1589L);
            assertThat(twips(margins.getRight())).as("right").isBetween(1472L, 1476L);

            // page numbers "— n —": odd pages (default footer) and even pages
            assertThat(doc.getEvenAndOddHeadings()).as("evenAndOddHeaders").isTrue();
            XWPFHeaderFooterPolicy policy = doc.getHeaderFooterPolicy();
            assertThat(policy).isNotNull();
            assertPageNumberFooter(policy.getDefaultFooter(), "default");
            assertPageNumberFooter(policy.getEvenPageFooter(), "even");

            // section 一 tells the figures of the API
            String section1 = paragraphs.get(paragraphs.indexOf(heading) + 1).getText();
            assertThat(number(section1, "共组织集体学习(\\d+)次"))
                    .isEqualTo(figures.get("sessions.collective").get("value").longValue());
            assertThat(number(section1, "开展专题研讨(\\d+)次"))
                    .isEqualTo(figures.get("sessions.discussion").get("value").longValue());
            assertThat(number(section1, "“第一议题”学习(\\d+)次"))
                    .isEqualTo(figures.get("firsttopic.sessions").get("value").longValue());
            assertThat(figures.get("sessions.collective").get("value").longValue())
                    .isPositive();
        }
    }

    @Test
    void aUnitsLongTitleIsBrokenAtAWordAndAShortOneStaysOneLine() throws Exception {
        List<String> unit = titleLines(title(docx("unitclerk", "XJ-01")));
        assertThat(unit).containsExactly("X局生态环境监测中心党委关于2025年度", "理论学习中心组学习情况报告");

        jdbc.sql("update org_unit set issuer_name = '中共X局信息中心总支部委员会' where code = 'XJ-01'")
                .update();
        entities.clear();
        assertThat(titleLines(title(docx("unitclerk", "XJ-01"))))
                .containsExactly("中共X局信息中心总支部委员会", "关于2025年度理论学习中心组学习情况报告");

        XWPFParagraph shortTitle = title(new cn.studyledger.office.DocxWriter()
                .write(List.of(new cn.studyledger.office.DocumentBlock.Title("X局党组2025年度理论学习中心组学习计划"))));
        assertThat(titleLines(shortTitle)).containsExactly("X局党组2025年度理论学习中心组学习计划");
        assertThat(shortTitle.getRuns())
                .allSatisfy(r -> assertThat(r.getCTR().sizeOfBrArray()).isZero());
    }

    private byte[] docx(String user, String org) throws Exception {
        return mvc.perform(
                        get("/api/v1/orgs/" + org + "/years/2025/report.docx").with(as(accounts, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private static XWPFParagraph title(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return doc.getParagraphs().stream()
                    .filter(p -> !p.getText().isBlank())
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** The title's lines as Word lays them: the text between its line breaks (w:br). */
    static List<String> titleLines(XWPFParagraph title) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (XWPFRun run : title.getRuns()) {
            for (org.apache.xmlbeans.XmlObject child : run.getCTR().selectPath("./*")) {
                if (child instanceof CTText t) {
                    line.append(t.getStringValue());
                } else if (child instanceof org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBr) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private Map<String, JsonNode> figures(RequestPostProcessor user) throws Exception {
        String body = mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures").with(user))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Map<String, JsonNode> byKey = new HashMap<>();
        json.readTree(body).forEach(f -> byKey.put(f.get("key").asString(), f));
        return byKey;
    }

    private long exports() {
        return jdbc.sql("select count(*) from common_audit_event where action = 'EXPORT' and username = 'clerk'")
                .query(Long.class)
                .single();
    }

    private static void assertRuns(List<XWPFRun> runs, String font, int size) {
        assertThat(runs).isNotEmpty();
        for (XWPFRun run : runs) {
            assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .as("eastAsia font of '%s'", run.text())
                    .isEqualTo(font);
            assertThat(run.getFontSizeAsDouble()).as("size of '%s'", run.text()).isEqualTo(size);
        }
    }

    private static void assertPageNumberFooter(XWPFFooter footer, String which) {
        assertThat(footer).as(which + " footer").isNotNull();
        List<XWPFRun> runs = new ArrayList<>();
        footer.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
        StringBuilder instructions = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (XWPFRun run : runs) {
            for (CTText instr : run.getCTR().getInstrTextList()) {
                instructions.append(instr.getStringValue());
            }
            text.append(run.text());
            assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .as(which + " footer font")
                    .isEqualTo("宋体");
            assertThat(run.getFontSizeAsDouble()).as(which + " footer size").isEqualTo(14);
        }
        assertThat(instructions.toString().trim()).as(which + " footer field").isEqualTo("PAGE");
        assertThat(text.toString()).as(which + " footer text").matches("— .* —");
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'%s' in: %s", regex, text).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static long twips(Object measure) {
        return measure instanceof BigInteger b ? b.longValue() : Long.parseLong(measure.toString());
    }
}
