package cn.studyledger.security;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Report templates cannot smuggle poi-tl tags: a picture or nested-document tag in a text box, a header or a
 * footnote (stories the earlier check did not read) is refused at upload with a 422 naming it, and nothing is
 * stored; a valid template with tags in those stories is accepted.
 */
@IntegrationTest
class ReportTemplateSmugglingTests {

    static final String UPLOAD = "/api/v1/orgs/XJ/years/2025/report/templates";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void smuggledTagsInTextBoxHeaderAndFootnoteAreRefusedAndNothingIsStored() throws Exception {
        Map<String, byte[]> hostile = Map.of(
                "{{@problems}}", TemplateDocx.textBox("集体学习{{sessions.collective}}次", "{{@problems}}"),
                "{{+problems}}", TemplateDocx.header("集体学习{{sessions.collective}}次", "{{+problems}}"),
                "{{@nextSteps}}", TemplateDocx.footnote("集体学习{{sessions.collective}}次", "{{@nextSteps}}"));
        for (var attack : hostile.entrySet()) {
            long files = count("common_stored_file");
            long templates = count("report_template");
            mvc.perform(multipart(UPLOAD)
                            .file(new MockMultipartFile(
                                    "file", "模板.docx", MediaType.APPLICATION_OCTET_STREAM_VALUE, attack.getValue()))
                            .with(as(accounts, "clerk"))
                            .with(csrf().asHeader()))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.detail").value(containsString(attack.getKey())))
                    .andExpect(jsonPath("$.detail").value(containsString("模板引擎前缀")))
                    .andExpect(jsonPath("$.detail").value(containsString("未保存")));
            assertThat(count("common_stored_file")).as(attack.getKey()).isEqualTo(files);
            assertThat(count("report_template")).as(attack.getKey()).isEqualTo(templates);
        }
    }

    @Test
    @Transactional // rolled back: the template, its file and the audit line
    void aValidTemplateWithTagsInATextBoxIsStored() throws Exception {
        long before = count("report_template");
        String created = mvc.perform(multipart(UPLOAD)
                        .file(new MockMultipartFile(
                                "file",
                                "文本框模板.docx",
                                MediaType.APPLICATION_OCTET_STREAM_VALUE,
                                TemplateDocx.textBox("集体学习{{sessions.collective}}次", "问题：{{problems}}")))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long id = JsonMapper.builder().build().readTree(created).get("id").longValue();
        assertThat(count("report_template")).isEqualTo(before + 1);
        assertThat(jdbc.sql("select tags from report_template where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("sessions.collective,problems");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
