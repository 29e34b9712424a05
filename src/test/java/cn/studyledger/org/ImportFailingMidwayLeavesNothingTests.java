package cn.studyledger.org;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.studyledger.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An import that breaks off in the middle of writing (here: the database refuses the third row, after the first
 * two were inserted) leaves nothing behind: the rows are written in one transaction, which is rolled back — and
 * a process killed at that point leaves an uncommitted transaction, which the database discards the same way.
 */
@IntegrationTest
class ImportFailingMidwayLeavesNothingTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void breakTheThirdInsert() {
        jdbc.sql("create trigger import_fails_midway before insert on org_person for each row call '"
                        + FailingInsertTrigger.class.getName() + "'")
                .update();
    }

    @AfterEach
    void repair() {
        jdbc.sql("drop trigger if exists import_fails_midway").update();
    }

    @Test
    void peopleImportInterruptedAfterTwoRowsSavesNoRowAndNoAudit() throws Exception {
        long people = count("select count(*) from org_person");
        long audits = count("select count(*) from common_audit_event where object_type = '人员'");

        // MockMvc hands the unhandled failure to the test instead of rendering the 500 page
        assertThatThrownBy(() -> mvc.perform(multipart("/people/import")
                        .file(new MockMultipartFile(
                                "file",
                                "人员名单.xlsx",
                                XLSX,
                                xlsx("中途导入一", "中途导入二", FailingInsertTrigger.POISON, "中途导入四")))
                        .param("org", "XJ")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())))
                .hasStackTraceContaining("import interrupted on purpose");

        assertThat(count("select count(*) from org_person")).isEqualTo(people);
        assertThat(count("select count(*) from org_person where name like '中途导入%'"))
                .isZero();
        assertThat(count("select count(*) from common_audit_event where object_type = '人员'"))
                .isEqualTo(audits);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static byte[] xlsx(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("人员");
        List<String> header = List.of("姓名", "职务", "出生日期", "青年干部", "专家学者");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        for (int r = 0; r < names.length; r++) {
            sheet.value(r + 1, 0, names[r]);
        }
        workbook.finish();
        return out.toByteArray();
    }
}
