package cn.studyledger.security;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Both spreadsheet imports (people on the page, online learning on the API) go through the one limited reader: a
 * million-row file and a 200 MB whitespace bomb are refused with the limit named and nothing saved. The server
 * surviving the same file with a small heap is {@link HostileSpreadsheetTests}.
 */
@IntegrationTest
class HostileSpreadsheetImportsTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> ONLINE_HEADER = List.of("姓名", "平台", "开始日期", "结束日期", "人次", "积分");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void peopleImportRefusesTheRowBombAndTheWhitespaceBomb() throws Exception {
        long people = count("org_person");
        byte[] rows = HostileSpreadsheets.manyRows(HostileSpreadsheetTests.PEOPLE_HEADER, 1_000_000);
        byte[] blank = HostileSpreadsheets.padded(HostileSpreadsheetTests.PEOPLE_HEADER, 200L * 1024 * 1024);
        mvc.perform(multipart("/people/import")
                        .file(new MockMultipartFile("file", "人员.xlsx", XLSX, rows))
                        .param("org", "XJ")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("导入失败，未保存任何数据")))
                .andExpect(content().string(containsString("表格超过 5000 行上限（不含表头），请分批导入")));
        mvc.perform(multipart("/people/import")
                        .file(new MockMultipartFile("file", "人员.xlsx", XLSX, blank))
                        .param("org", "XJ")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(content().string(containsString("表格解压后超过 50 MB 上限")));
        assertThat(count("org_person")).isEqualTo(people);
    }

    @Test
    void onlineLearningImportAnswers422WithTheLimit() throws Exception {
        long online = count("selfstudy_online_learning");
        mvc.perform(multipart("/api/v1/orgs/XJ/online/import")
                        .file(new MockMultipartFile(
                                "file", "线上学习.xlsx", XLSX, HostileSpreadsheets.manyRows(ONLINE_HEADER, 1_000_000)))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].reason").value("表格超过 5000 行上限（不含表头），请分批导入"));
        assertThat(count("selfstudy_online_learning")).isEqualTo(online);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
