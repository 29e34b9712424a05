package cn.studyledger.session;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the clerk and the 组长 read about a session: the 会议通知 carries the day it was issued (the day the session was
 * planned, never after the session), not the day it is printed; the 请假审批 list names each session by its title and
 * date.
 */
@IntegrationTest
@Transactional
class SessionPapersTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNoticeIsDatedTheDayTheSessionWasPlannedAndNeverAfterTheSession() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate later = today.plusDays(10);
        long ahead = create("提前十天安排的学习", later);
        assertThat(signature(notice(ahead))).isEqualTo(chinese(today));

        LocalDate past = LocalDate.of(2025, 3, 4);
        long entered = create("事后补录的学习", past);
        assertThat(signature(notice(entered))).as("never after the session").isEqualTo("2025年3月4日");

        jdbc.sql("update session_study_session set notice_date = date '2025-02-27' where id = ?")
                .param(entered)
                .update();
        assertThat(signature(notice(entered)))
                .as("the stored date, whenever printed")
                .isEqualTo("2025年2月27日");
    }

    @Test
    void thePlannedSessionsSignInSheetIsLeftBlankForSigningByHand() throws Exception {
        long session =
                create("手工签到的学习", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3));
        byte[] docx = mvc.perform(get("/sessions/" + session + "/signin.docx").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            var rows = doc.getTables().get(0).getRows();
            assertThat(rows).hasSizeGreaterThan(1);
            assertThat(rows.subList(1, rows.size())).allSatisfy(row -> {
                assertThat(row.getCell(4).getText()).as("考勤").isEmpty();
                assertThat(row.getCell(5).getText()).as("签到时间").isEmpty();
            });
        }
    }

    @Test
    void theLeaveListNamesEachSessionByTitleAndDate() throws Exception {
        LocalDate date = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7);
        long session = create("请假审批列表测试学习", date);
        mvc.perform(post("/api/v1/sessions/" + session + "/leave")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"外出参加培训\"}"))
                .andExpect(status().isCreated());
        String page = mvc.perform(get("/leaves").with(as(accounts, "leader")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(">请假审批列表测试学习</a>", date.toString()).doesNotContain(">#" + session + "<");
    }

    @Test
    void theDemoSpeechesDoNotSayStudyTwice() {
        assertThat(jdbc.sql("select count(*) from session_speech where title like '%学习学习%'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from session_speech where title like '%：学习%的体会'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    private long create(String title, LocalDate date) throws Exception {
        String created = mvc.perform(post("/api/v1/orgs/XJ/sessions")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"%s","date":"%s","durationHours":3,"format":"COLLECTIVE","place":"三楼会议室",
                                 "agenda":[{"kind":"THEORY","title":"理论学习"}]}""".formatted(title, date)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private String notice(long session) throws Exception {
        byte[] docx = mvc.perform(get("/sessions/" + session + "/notice.docx").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            return text.getText();
        }
    }

    /** The notice's last date: the one under the issuer (the page number follows it). */
    private static String signature(String text) {
        Matcher dates = Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日").matcher(text);
        String last = null;
        while (dates.find()) {
            last = dates.group();
        }
        return last;
    }

    private static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
