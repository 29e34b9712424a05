package cn.studyledger.report;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issuer's own report speaks for the system: X局's report (and its half-year report) has a paragraph on its six
 * direct subordinate units with the {@code system.*} figures the API gives, each token linked to its records; a unit
 * without units below it (XJ-01) gets no such paragraph, nor any of those figures elsewhere.
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class SystemParagraphTests {

    static final String XJ = "/api/v1/orgs/XJ/years/2025";
    static final String LEAD = "切实履行对下属单位理论学习的指导职责";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theBureausReportSpeaksForItsUnitsWithTheApisFiguresInTheDocx() throws Exception {
        Map<String, JsonNode> figures = figures("clerk", XJ + "/figures");
        assertThat(figures.get("system.units").get("value").longValue()).isEqualTo(6);
        assertThat(figures.get("system.sessions.collective").get("value").longValue())
                .as("XJ-01's two held sessions")
                .isEqualTo(2);

        String paragraph = paragraph(docx("clerk", XJ + "/report.docx"));
        assertThat(paragraph).startsWith("全年，X局党组" + LEAD).endsWith("以点带面推动全系统理论学习规范化、制度化水平不断提升。");
        assertFigures(paragraph, figures);
        assertThat(paragraph)
                .as(
                        "the units hold no self-study or writings in the demo: those clauses are left out, not written as 0")
                .doesNotContain("个人自学累计")
                .doesNotContain("学习成果0篇")
                .doesNotContain("【待补充】");
    }

    @Test
    void theParagraphsTokensLinkTheirRecordsAndTheRecordsAreTheUnits() throws Exception {
        JsonNode report = read("clerk", XJ + "/report");
        JsonNode block = null;
        for (JsonNode b : report.get("blocks")) {
            if (b.get("body").asString().contains(LEAD)) {
                block = b;
            }
        }
        assertThat(block).as("the saved draft has the paragraph").isNotNull();
        assertThat(block.get("section").asString()).isEqualTo("一");
        Map<String, String> links = new LinkedHashMap<>();
        block.get("bodyShown").forEach(s -> {
            if (!s.get("key").isNull()) {
                links.put(s.get("key").asString(), s.get("url").asString());
            }
        });
        assertThat(links)
                .containsEntry("system.units", "/figures/system.units")
                .containsEntry("system.sessions.collective", "/figures/system.sessions.collective")
                .containsEntry("supervision.coverage", "/figures/supervision.coverage");

        JsonNode evidence = read("clerk", XJ + "/figures/system.sessions.collective/evidence");
        assertThat(evidence).hasSize(1);
        assertThat(evidence.get(0).get("title").asString()).isEqualTo("X局生态环境监测中心党委");
        assertThat(evidence.get(0).get("amount").decimalValue()).isEqualByComparingTo("2");
        assertThat(read("clerk", XJ + "/figures/system.units/evidence")).hasSize(6);
    }

    @Test
    void theHalfYearReportSpeaksForTheUnitsFirstHalf() throws Exception {
        Map<String, JsonNode> figures = figures("clerk", XJ + "/figures?period=H1");
        assertThat(figures.get("system.sessions.collective").get("value").longValue())
                .as("XJ-01's March session")
                .isEqualTo(1);
        String paragraph = paragraph(docx("clerk", XJ + "/report.docx?period=H1"));
        assertThat(paragraph).startsWith("上半年，X局党组" + LEAD);
        assertFigures(paragraph, figures);
    }

    @Test
    void aUnitWithoutUnitsBelowItHasNoSuchParagraphNorTheirFigures() throws Exception {
        String unit = "/api/v1/orgs/XJ-01/years/2025";
        assertThat(figures("unitclerk", unit + "/figures")
                        .get("system.units")
                        .get("value")
                        .longValue())
                .isZero();
        String text = String.join("\n", paragraphs(docx("unitclerk", unit + "/report.docx")));
        assertThat(text)
                .contains("共组织集体学习2次")
                .doesNotContain("下属")
                .doesNotContain("全系统")
                .doesNotContain("覆盖率");
        // the unit's own 报送及时率 (its filings upward) may stand among its figures; the issuer's never
        assertThat(text.replace("本单位报送及时率", "")).doesNotContain("报送及时率");
        JsonNode report = read("unitclerk", unit + "/report");
        report.get("blocks").forEach(b -> assertThat(b.get("body").asString()).doesNotContain("system."));
    }

    /** Each figure the paragraph states is the API's value. */
    private static void assertFigures(String paragraph, Map<String, JsonNode> figures) {
        assertThat(number(paragraph, "加强对下属(\\d+)个单位")).isEqualByComparingTo(value(figures, "system.units"));
        assertThat(number(paragraph, "下属单位中心组共开展集体学习(\\d+)次"))
                .isEqualByComparingTo(value(figures, "system.sessions.collective"));
        assertThat(number(paragraph, "、累计([\\d.]+)小时")).isEqualByComparingTo(value(figures, "system.sessions.hours"));
        assertThat(number(paragraph, "“第一议题”学习(\\d+)次"))
                .isEqualByComparingTo(value(figures, "system.firsttopic.sessions"));
        assertThat(number(paragraph, "列席旁听覆盖率([\\d.]+)%")).isEqualByComparingTo(value(figures, "supervision.coverage"));
        for (String[] rate :
                new String[][] {{"submissions.onTime", "报送及时率([\\d.]+)%"}, {"notices.coverage", "学习提示落实率([\\d.]+)%"}}) {
            JsonNode figure = figures.get(rate[0]);
            if (figure.get("value").isNull()) {
                assertThat(paragraph).as(rate[0] + " without data is left out").doesNotContain(rate[1].substring(0, 4));
            } else {
                assertThat(number(paragraph, rate[1])).as(rate[0]).isEqualByComparingTo(value(figures, rate[0]));
            }
        }
    }

    private static BigDecimal value(Map<String, JsonNode> figures, String key) {
        return figures.get(key).get("value").decimalValue();
    }

    private static BigDecimal number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'%s' in: %s", regex, text).isTrue();
        return new BigDecimal(m.group(1));
    }

    /** The one paragraph of the .docx that speaks for the units. */
    private static String paragraph(byte[] docx) throws Exception {
        List<String> found =
                paragraphs(docx).stream().filter(p -> p.contains(LEAD)).toList();
        assertThat(found).as("one paragraph on the units").hasSize(1);
        return found.get(0);
    }

    private static List<String> paragraphs(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> texts = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                if (!p.getText().isBlank()) {
                    texts.add(p.getText());
                }
            }
            return texts;
        }
    }

    private byte[] docx(String user, String url) throws Exception {
        return mvc.perform(get(url).with(as(accounts, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private Map<String, JsonNode> figures(String user, String url) throws Exception {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        read(user, url).forEach(f -> byKey.put(f.get("key").asString(), f));
        return byKey;
    }

    private JsonNode read(String user, String url) throws Exception {
        return json.readTree(mvc.perform(get(url).with(as(accounts, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
