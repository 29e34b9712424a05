package cn.studyledger.org;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/** Importing people from .xlsx is all or nothing: one bad row and no row is saved, with every bad row named. */
@IntegrationTest
@Transactional
class PersonImportTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fileWithBadRowsNamesEachBadRowAndSavesNothing() throws Exception {
        long before = people();
        byte[] file = xlsx(
                List.of("导入好甲", "办公室副主任", "1988-07-01", "否", "否"), // row 2
                List.of("", "无名氏的职务", "1990-01-01", "", ""), // row 3: no name
                List.of("导入好乙", "规划处处长", "1979-03-18", "是", ""), // row 4
                List.of("导入坏丙", "", "", "可能", ""), // row 5: 青年干部 is neither 是 nor 否
                List.of("导入好丁", "", "", "", "是"), // row 6
                List.of("导入好甲", "重复的人", "", "", ""), // row 7: same name as row 2
                List.of("张伟", "已在职", "", "", "")); // row 8: already an active person of XJ

        importAs("clerk", "XJ", file)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("导入失败，未保存任何数据")))
                .andExpect(content().string(containsString("第 3 行：</span><span>请填写姓名")))
                .andExpect(content().string(containsString("第 5 行：</span><span>青年干部应填“是”或“否”，不能是“可能”")))
                .andExpect(content().string(containsString("第 7 行：</span><span>姓名“导入好甲”在表中重复")))
                .andExpect(content().string(containsString("第 8 行：</span><span>本单位已有在职人员“张伟”")))
                .andExpect(content().string(not(containsString("第 2 行"))))
                .andExpect(content().string(not(containsString("已导入"))));

        assertThat(people()).isEqualTo(before);
        assertThat(named("导入好甲")).isZero();
    }

    @Test
    void goodFileSavesEveryRow() throws Exception {
        long before = people();
        long audits = importAudits();
        byte[] file = xlsx(
                List.of("批量导入一", "监测处副处长", LocalDate.of(1986, 9, 12), "是", "否"),
                List.of("批量导入二", "", "1971/05/06", "", "是"),
                List.of("批量导入三", "执法总队科员", "", "否", ""));

        importAs("clerk", "XJ", file)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已导入 <span>3</span> 人")));

        assertThat(people()).isEqualTo(before + 3);
        assertThat(jdbc.sql("select birth_date from org_person where name = '批量导入一'")
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.of(1986, 9, 12));
        assertThat(jdbc.sql("select youth_cadre from org_person where name = '批量导入一'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("select birth_date from org_person where name = '批量导入二'")
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.of(1971, 5, 6));
        assertThat(jdbc.sql("select expert from org_person where name = '批量导入二'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("select count(*) from org_person p join org_unit o on o.id = p.org_id"
                                + " where o.code = 'XJ' and p.name like '批量导入%' and p.active = true")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(importAudits()).isEqualTo(audits + 1);
    }

    @Test
    void fileThatIsNotAnXlsxIsRefusedWithAClearMessage() throws Exception {
        long before = people();
        importAs("clerk", "XJ", "姓名,职务\n伪造,科员\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("无法读取文件，请上传 .xlsx 格式的 Excel 文件")));
        assertThat(people()).isEqualTo(before);
    }

    @Test
    void sheetWithTheWrongHeaderIsRefused() throws Exception {
        long before = people();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("人员");
        sheet.value(0, 0, "名字");
        sheet.value(0, 1, "职务");
        sheet.value(1, 0, "表头不对");
        workbook.finish();

        importAs("clerk", "XJ", out.toByteArray())
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("表头应为：姓名、职务、出生日期、青年干部、专家学者")));
        assertThat(people()).isEqualTo(before);
    }

    @Test
    void clerkOfASubordinateUnitCannotImportIntoTheBureau() throws Exception {
        long before = people();
        importAs("unitclerk", "XJ", xlsx(List.of("越权导入", "", "", "", ""))).andExpect(status().isNotFound());
        importAs("member", "XJ", xlsx(List.of("越权导入", "", "", "", ""))).andExpect(status().isForbidden());
        assertThat(people()).isEqualTo(before);
        assertThat(named("越权导入")).isZero();
    }

    private ResultActions importAs(String username, String org, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/people/import")
                .file(new MockMultipartFile("file", "人员名单.xlsx", XLSX, bytes))
                .param("org", org)
                .with(as(accounts, username))
                .with(csrf().asHeader()));
    }

    /** A workbook with the import header and these rows; a LocalDate becomes a real Excel date cell. */
    @SafeVarargs
    private static byte[] xlsx(List<?>... rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("人员");
        String[] header = {"姓名", "职务", "出生日期", "青年干部", "专家学者"};
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].size(); c++) {
                Object value = rows[r].get(c);
                if (value instanceof LocalDate date) {
                    sheet.value(r + 1, c, date);
                    sheet.style(r + 1, c).format("yyyy-mm-dd").set();
                } else if (!"".equals(value)) {
                    sheet.value(r + 1, c, (String) value);
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    private long people() {
        return jdbc.sql("select count(*) from org_person").query(Long.class).single();
    }

    private long named(String name) {
        return jdbc.sql("select count(*) from org_person where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private long importAudits() {
        return jdbc.sql("select count(*) from common_audit_event where object_type = '人员' and summary like '导入人员%'")
                .query(Long.class)
                .single();
    }
}
