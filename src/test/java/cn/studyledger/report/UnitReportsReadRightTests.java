package cn.studyledger.report;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import java.io.ByteArrayInputStream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * A subordinate unit's annual report is fit to send: its title and text name it by its short issuer name and its
 * signature by its full name, never doubling the kind of organisation (「…党委党委」), and the default text says
 * nothing its records do not hold. The names are the clerk's to set; a name repeating the kind is refused.
 */
@IntegrationTest
@Transactional
class UnitReportsReadRightTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Test
    void aUnitsFirstDownloadNamesItOnceAndClaimsNothingItsRecordsLack() throws Exception {
        String text = docx("unitclerk", "XJ-01");
        assertThat(text)
                .contains("X局生态环境监测中心党委关于2025年度\n理论学习中心组学习情况报告")
                .contains("中共X局生态环境监测中心委员会")
                .doesNotContain("党委党委", "中共X局生态环境监测中心党委\n", "学习内容0项", "关于【待补充】领域", "旁听指导0场次");
        assertThat(docx("clerk", "XJ")).contains("中共X局党组").doesNotContain("党组党组");
    }

    @Test
    void theFirstDownloadDraftsProblemsAndNextStepsFromTheRulesAsADraft() throws Exception {
        String text = docx("leader", "XJ");
        String problems = text.substring(text.indexOf("三、存在的问题与不足"), text.indexOf("四、下一步工作打算"));
        String next = text.substring(text.indexOf("四、下一步工作打算"));
        assertThat(problems).contains("【草稿】以下各条依据规则检查结果起草").contains("（一）").doesNotContain("【待补充】");
        assertThat(next).contains("【草稿】").contains("（一）").doesNotContain("【待补充】");
    }

    @Test
    void theClerkSetsTheNamesAndTheReportFollows() throws Exception {
        String names = mvc.perform(get("/api/v1/orgs/XJ-01/issuer").with(as(accounts, "unitclerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issuer").value("X局生态环境监测中心党委"))
                .andExpect(jsonPath("$.issuerFull").value("中共X局生态环境监测中心委员会"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long version = ((Number) com.jayway.jsonpath.JsonPath.read(names, "$.version")).longValue();

        rename(version, "X局监测中心党委党委", "中共X局监测中心委员会")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("“党委”重复")));
        rename(version, "X局监测中心党委", "中共X局监测中心委员会")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issuer").value("X局监测中心党委"));
        rename(version, "X局监测中心党委", "中共X局监测中心委员会").andExpect(status().isConflict());

        assertThat(docx("unitclerk", "XJ-01")).contains("X局监测中心党委关于2025年度").contains("中共X局监测中心委员会");
        mvc.perform(get("/api/v1/orgs/XJ/issuer").with(as(accounts, "unitclerk")))
                .andExpect(status().is4xxClientError());
    }

    private org.springframework.test.web.servlet.ResultActions rename(long version, String issuer, String full)
            throws Exception {
        return mvc.perform(put("/api/v1/orgs/XJ-01/issuer")
                .param("version", String.valueOf(version))
                .with(as(accounts, "unitclerk"))
                .with(csrf().asHeader())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"issuer\":\"" + issuer + "\",\"issuerFull\":\"" + full + "\"}"));
    }

    private String docx(String user, String org) throws Exception {
        byte[] docx = mvc.perform(
                        get("/api/v1/orgs/" + org + "/years/2025/report.docx").with(as(accounts, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }
}
