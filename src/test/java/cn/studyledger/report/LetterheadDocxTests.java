package cn.studyledger.report;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report as a 红头文件 ({@code report.docx?letterhead=true}), reopened with POI: the red 发文机关标志, the 发文字号
 * the clerk entered from the 收发文 register, the 签发人 (the 组长 by default) on the same line, the red separator;
 * without the parameter the document is as before. Only the organisation's clerk sets the number.
 */
@IntegrationTest
@Transactional
class LetterheadDocxTests {

    static final String API = "/api/v1/orgs/XJ/years/2025";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Test
    void theLetterheadCarriesTheRedIssuerMarkTheClerksNumberTheSignerAndTheRedLine() throws Exception {
        String signer = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(get(API + "/report/letterhead").with(as(accounts, "clerk")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.issuerMark").value("X局党组文件"))
                        .andExpect(jsonPath("$.documentNumber").value("X局党组〔2025〕【待补充】号"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "$.defaultSigner");
        assertThat(signer).as("the year's 组长").isNotBlank();

        save(0, "{\"codePrefix\":\"X党组\",\"serial\":12}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documentNumber").value("X党组〔2025〕12号"))
                .andExpect(jsonPath("$.effectiveSigner").value(signer));
        save(0, "{\"codePrefix\":\"X党组\",\"serial\":13}").andExpect(status().isConflict());
        save(0, "{\"serial\":0}").andExpect(status().is4xxClientError());
        save(1, "{\"issueYear\":2035,\"serial\":12}").andExpect(status().isUnprocessableContent());

        try (XWPFDocument doc = docx(API + "/report.docx?letterhead=true")) {
            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            XWPFParagraph mark = paragraphs.get(0);
            assertThat(mark.getText()).isEqualTo("X局党组文件");
            for (XWPFRun run : mark.getRuns()) {
                assertThat(run.getColor()).isEqualTo("FF0000");
                assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
            }
            assertThat(mark.getSpacingBefore()).as("35 mm below the 版心's top").isBetween(1983, 1986);

            XWPFParagraph number = paragraphs.stream()
                    .filter(p -> p.getText().contains("〔2025〕"))
                    .findFirst()
                    .orElseThrow();
            assertThat(paragraphs.indexOf(number))
                    .as("two empty lines below the mark")
                    .isEqualTo(3);
            assertThat(number.getText()).isEqualTo("X党组〔2025〕12号\t签发人：" + signer);
            XWPFRun name = number.getRuns().get(number.getRuns().size() - 1);
            assertThat(name.text()).isEqualTo(signer);
            assertThat(name.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("楷体_GB2312");
            CTBorder line = number.getCTP().getPPr().getPBdr().getBottom();
            assertThat(line.xgetColor().getStringValue()).isEqualToIgnoringCase("FF0000");
            assertThat(line.getSpace().toString())
                    .as("4 mm below the number, in points")
                    .isEqualTo("11");

            XWPFParagraph title = paragraphs.stream()
                    .filter(p -> p.getText().contains("学习情况报告"))
                    .findFirst()
                    .orElseThrow();
            assertThat(paragraphs.indexOf(title))
                    .as("two empty lines below the red line")
                    .isEqualTo(6);
        }

        try (XWPFDocument plain = docx(API + "/report.docx")) {
            assertThat(plain.getParagraphs().get(0).getText().replace("\n", "")).isEqualTo(AnnualReportDocxTests.TITLE);
            assertThat(plain.getParagraphs())
                    .noneMatch(p -> p.getText().contains("文件")
                            || p.getText().contains("签发人")
                            || p.getCTP().getPPr().isSetPBdr());
            assertThat(plain.getParagraphs())
                    .flatMap(XWPFParagraph::getRuns)
                    .allSatisfy(r -> assertThat(r.getColor()).isNull());
        }
    }

    @Test
    void theClerkSetsTheSignerOnThePageAndTheDownloadFollows() throws Exception {
        mvc.perform(post("/report/letterhead")
                        .with(as(accounts, "clerk"))
                        .with(csrf())
                        .param("version", "0")
                        .param("codePrefix", "X党组")
                        .param("issueYear", "2026")
                        .param("serial", "3")
                        .param("signer", "王建国"))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/report/letterhead").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("X局党组文件").contains("X党组〔2026〕3号").contains("签发人：王建国");
        try (XWPFDocument doc = docx("/report/download.docx?letterhead=true")) {
            assertThat(doc.getParagraphs()).anyMatch(p -> p.getText().equals("X党组〔2026〕3号\t签发人：王建国"));
        }
    }

    @Test
    void anotherOrganisationsClerkCannotReadOrSetTheNumber() throws Exception {
        mvc.perform(get(API + "/report/letterhead").with(as(accounts, "unitclerk")))
                .andExpect(status().is4xxClientError());
        mvc.perform(put(API + "/report/letterhead")
                        .param("version", "0")
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serial\":99}"))
                .andExpect(status().is4xxClientError());
        mvc.perform(get(API + "/report/letterhead").with(as(accounts, "leader")))
                .andExpect(status().is4xxClientError());
        mvc.perform(get(API + "/report/letterhead").with(as(accounts, "clerk")))
                .andExpect(jsonPath("$.serial").doesNotExist());
    }

    private ResultActions save(long version, String body) throws Exception {
        return mvc.perform(put(API + "/report/letterhead")
                .param("version", String.valueOf(version))
                .with(as(accounts, "clerk"))
                .with(csrf().asHeader())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private XWPFDocument docx(String url) throws Exception {
        byte[] bytes = mvc.perform(get(url).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }
}
