package cn.studyledger.report;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every number the report's narrative states is the figure of the same key, and a figure without data is
 * written 【待补充】, never invented.
 */
@IntegrationTest
@Transactional
class AnnualReportNarrativeTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Test
    void narrativeStatesEachFigureOrMarksItMissing() throws Exception {
        String figures = mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures").with(as(accounts, "clerk")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        byte[] docx = mvc.perform(get("/api/v1/orgs/XJ/years/2025/report.docx").with(as(accounts, "clerk")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            text = extractor.getText();
        }
        String[][] phrases = {
            {"学习内容", "firsttopic.items", "项"},
            {"专题辅导报告", "lectures.count", "场"},
            {"编印专题学习资料", "materials.issues", "期"},
            {"学习成果", "writings.count", "篇"},
            {"线上学习累计", "online.personTimes", "人次"},
            {"形成对策建议", "research.recommendations", "条"},
            {"重点发言率", "speech.keyRate", "%"},
            {"安排", "youth.attendees", "名青年干部列席"},
            {"旁听指导", "supervision.visits", "场次"}
        };
        for (String[] p : phrases) {
            List<Object> values = JsonPath.read(figures, "$[?(@.key=='" + p[1] + "')].value");
            String stated = values.isEmpty() || values.get(0) == null ? "【待补充】" : String.valueOf(values.get(0));
            assertThat(text).as(p[1]).contains(p[0] + stated + p[2]);
        }
        assertThat(text).doesNotContain("null");
    }
}
