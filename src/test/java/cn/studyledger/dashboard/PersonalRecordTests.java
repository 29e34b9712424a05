package cn.studyledger.dashboard;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import java.io.ByteArrayInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** The personal 学习档案: own for members, everyone's for the clerk, nothing for other organisations. */
@IntegrationTest
@Transactional
class PersonalRecordTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    long person(String name) {
        return jdbc.sql(
                        "select p.id from org_person p join org_unit o on o.id = p.org_id where o.code = 'XJ' and p.name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    long attended(long personId) {
        return jdbc.sql("""
                        select count(*) from session_attendance a join session_study_session s on s.id = a.session_id
                        join org_unit o on o.id = s.org_id
                        where o.code = 'XJ' and s.status = 'HELD' and a.status = 'PRESENT' and a.person_id = ?
                          and s.session_date between '2025-01-01' and '2025-12-31'""").param(personId).query(Long.class).single();
    }

    @Test
    void memberIsTakenToTheirOwnArchiveAndCannotOpenAnothers() throws Exception {
        long zhangWei = person("张伟");
        mvc.perform(get("/records").with(as(accounts, "member"))).andExpect(redirectedUrl("/records/" + zhangWei));
        mvc.perform(get("/records/" + zhangWei).with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("张伟 2025年度学习档案")))
                .andExpect(content().string(containsString(attended(zhangWei) + "/")));
        mvc.perform(get("/records/" + person("刘芳")).with(as(accounts, "member")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/records/" + person("刘芳") + ".docx").with(as(accounts, "member")))
                .andExpect(status().isNotFound());
    }

    @Test
    void clerkOpensAnyMembersArchiveAndExportsItToWordAndExcel() throws Exception {
        mvc.perform(get("/records").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("刘芳")));
        long liuFang = person("刘芳");
        byte[] docx = mvc.perform(get("/records/" + liuFang + ".docx").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText())
                    .contains("刘芳同志2025年度理论学习档案", "出席" + attended(liuFang) + "次", "主持集中学习", "重点发言", "五、原著研读", "六、学习笔记");
        }
        byte[] xlsx = mvc.perform(get("/records/" + liuFang + ".xlsx").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        long expected = jdbc.sql("""
                        select count(*) from session_attendance a join session_study_session s on s.id = a.session_id
                        join org_unit o on o.id = s.org_id
                        where o.code = 'XJ' and a.person_id = ? and s.session_date between '2025-01-01' and '2025-12-31'""").param(liuFang).query(Long.class).single();
        long entries = jdbc.sql("""
                        select count(*) from selfstudy_entry e join org_unit o on o.id = e.org_id
                        where o.code = 'XJ' and e.person_id = ? and e.study_date between '2025-01-01' and '2025-12-31'""").param(liuFang).query(Long.class).single();
        long books = jdbc.sql("""
                        select count(*) from selfstudy_book b join org_unit o on o.id = b.org_id
                        where o.code = 'XJ' and b.person_id = ? and b.book_year = 2025""").param(liuFang).query(Long.class).single();
        long notes = jdbc.sql("""
                        select count(*) from selfstudy_note n join selfstudy_entry e on e.id = n.entry_id
                        join org_unit o on o.id = e.org_id
                        where o.code = 'XJ' and e.person_id = ? and e.study_date between '2025-01-01' and '2025-12-31'""").param(liuFang).query(Long.class).single();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(5);
            assertThat(workbook.getSheet("集中学习").getLastRowNum()).isEqualTo((int) expected);
            assertThat(workbook.getSheet("个人自学").getLastRowNum()).isEqualTo((int) entries);
            assertThat(workbook.getSheet("原著研读").getLastRowNum()).isEqualTo((int) books);
            assertThat(workbook.getSheet("学习笔记").getLastRowNum()).isEqualTo((int) notes);
        }
        assertThat(jdbc.sql("select count(*) from common_audit_event where action = 'EXPORT' and object_type = '学习档案'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void otherOrganisationsDoNotSeeTheArchive() throws Exception {
        mvc.perform(get("/records/" + person("张伟")).with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/records/" + person("张伟") + ".xlsx").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
    }
}
