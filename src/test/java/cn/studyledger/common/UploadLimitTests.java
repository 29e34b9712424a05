package cn.studyledger.common;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The configured default upload limit (20 MB) holds on every form that takes a file: a PDF one byte over it is
 * refused with the file store's message, and neither the record nor a file is saved. (MockMvc skips the servlet
 * container's own multipart limit, so this reaches the file store's check.)
 */
@IntegrationTest
class UploadLimitTests {

    static final int LIMIT = 20 * 1024 * 1024;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    static MockMultipartFile oversized(String field, String name) {
        byte[] big = new byte[LIMIT + 1];
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, big, 0, head.length);
        return new MockMultipartFile(field, name, "application/pdf", big);
    }

    @Test
    void writingWithAFileOverTheLimitIsRefusedOnTheFormAndNothingIsSaved() throws Exception {
        long writings = count("selfstudy_writing");
        long files = count("common_stored_file");
        mvc.perform(multipart("/writings")
                        .file(oversized("file", "超大的体会.pdf"))
                        .param("kind", "EXPERIENCE")
                        .param("title", "附件超限的体会")
                        .param("writtenOn", "2025-05-20")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文件超过大小上限 20 MB")))
                .andExpect(content().string(containsString("附件超限的体会")));
        assertThat(count("selfstudy_writing")).isEqualTo(writings);
        assertThat(count("common_stored_file")).isEqualTo(files);
    }

    @Test
    void materialIssueAndLibraryDocumentOverTheLimitAreRefusedAndNothingIsSaved() throws Exception {
        long issues = count("material_issue");
        long documents = count("material_document");
        long files = count("common_stored_file");
        mvc.perform(multipart("/materials")
                        .file(oversized("files", "超大资料.pdf"))
                        .param("title", "附件超限的一期")
                        .param("publishedOn", "2025-05-20")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文件超过大小上限 20 MB")));
        mvc.perform(multipart("/api/v1/orgs/XJ/library")
                        .file(oversized("file", "超大文档.pdf"))
                        .param("title", "超限文档")
                        .param("category", "学习辅导")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("文件超过大小上限 20 MB"));
        assertThat(count("material_issue")).isEqualTo(issues);
        assertThat(count("material_document")).isEqualTo(documents);
        assertThat(count("common_stored_file")).isEqualTo(files);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
