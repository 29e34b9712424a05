package cn.studyledger.session;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** Leave and make-up, 学习方案 approval, speeches with outlines, QR check-in and the printable documents. */
@IntegrationTest
@Transactional
class SessionParticipationTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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

    long version(long session) {
        return jdbc.sql("select version from session_study_session where id = ?")
                .param(session)
                .query(Long.class)
                .single();
    }

    /** A planned session of XJ on the given day and time, created through the API as the clerk. */
    long plannedSession(LocalDate date, LocalTime start) throws Exception {
        return PlannedSessions.create(mvc, accounts, "XJ", "clerk", "参与流程测试", date, start);
    }

    @Test
    void approvedLeaveBecomesAMakeUpTheMemberCompletes() throws Exception {
        // A session three days ago that the clerk has not yet marked held: leave is still possible, and the
        // make-up can be done today.
        LocalDate day = LocalDate.now(ZONE).minusDays(3);
        long session = plannedSession(day, LocalTime.of(9, 0));
        long zhangWei = person("张伟");
        mvc.perform(post("/sessions/" + session + "/leave")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("reason", "赴基层调研"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/sessions/" + session + "/leave")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("reason", "再申请一次"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("已提交过")));
        long leave = jdbc.sql("select id from session_leave_request where session_id = ?")
                .param(session)
                .query(Long.class)
                .single();

        mvc.perform(post("/leaves/" + leave + "/decision")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("approve", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/leaves").with(as(accounts, "leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("赴基层调研")));
        mvc.perform(post("/leaves/" + leave + "/decision")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("approve", "true"))
                .andExpect(status().is3xxRedirection());

        var row = jdbc.sql(
                        "select status, make_up_due_on from session_attendance where session_id = ? and person_id = ?")
                .param(session)
                .param(zhangWei)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getDate(2).toLocalDate()})
                .single();
        assertThat(row[0]).isEqualTo("LEAVE");
        assertThat(row[1]).isEqualTo(day.plusDays(30));
        mvc.perform(post("/my/makeups/" + session)
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("note", "自学会议材料，撰写体会"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select make_up_note from session_attendance where session_id = ? and person_id = ?")
                        .param(session)
                        .param(zhangWei)
                        .query(String.class)
                        .single())
                .isEqualTo("自学会议材料，撰写体会");
    }

    @Test
    void studyPlanIsApprovedByTheLeaderOnly() throws Exception {
        long session = plannedSession(LocalDate.of(2026, 12, 11), LocalTime.of(9, 0));
        mvc.perform(post("/sessions/" + session + "/plan")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(session)))
                        .param("plan", "学习目的与议程"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/sessions/" + session + "/plan/decision")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(session)))
                        .param("approve", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/sessions/" + session + "/plan/decision")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(session)))
                        .param("approve", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select study_plan_status from session_study_session where id = ?")
                        .param(session)
                        .query(String.class)
                        .single())
                .isEqualTo("APPROVED");
    }

    @Test
    void keySpeechOutlineIsStoredAndOnlyDownloadableInsideTheOrganisation() throws Exception {
        long session = plannedSession(LocalDate.of(2026, 12, 12), LocalTime.of(9, 0));
        long zhangWei = person("张伟");
        mvc.perform(multipart("/sessions/" + session + "/speeches")
                        .param("personId", String.valueOf(zhangWei))
                        .param("kind", "KEY")
                        .param("title", "发言题目")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("重点发言须上传发言提纲")));
        MockMultipartFile outline = new MockMultipartFile(
                "outline", "提纲.txt", "text/plain", "一、学习体会\n二、工作打算".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/sessions/" + session + "/speeches")
                        .file(outline)
                        .param("personId", String.valueOf(zhangWei))
                        .param("kind", "KEY")
                        .param("title", "发言题目")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        long file = jdbc.sql("select outline_file_id from session_speech where session_id = ?")
                .param(session)
                .query(Long.class)
                .single();
        byte[] downloaded = mvc.perform(
                        get("/sessions/" + session + "/files/" + file).with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(downloaded, StandardCharsets.UTF_8)).contains("学习体会");
        mvc.perform(get("/sessions/" + session + "/files/" + file).with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        long otherSession = plannedSession(LocalDate.of(2026, 12, 13), LocalTime.of(9, 0));
        mvc.perform(get("/sessions/" + otherSession + "/files/" + file).with(as(accounts, "member")))
                .andExpect(status().isNotFound());
    }

    @Test
    void participantChecksInWithTheCurrentQrTokenOrTypedCodeAndOnlyOnce() throws Exception {
        LocalTime now = LocalTime.now(ZONE);
        LocalTime start = now.isBefore(LocalTime.of(0, 10)) ? LocalTime.MIN : now.minusMinutes(5);
        long session = plannedSession(LocalDate.now(ZONE), start);
        String screen = mvc.perform(
                        get("/sessions/" + session + "/checkin-screen").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher token = Pattern.compile("checkin-qr\\.png\\?t=([0-9a-f]+)").matcher(screen);
        Matcher code = Pattern.compile("id=\"typed-code\">([A-Z0-9]{6})<").matcher(screen);
        assertThat(token.find()).isTrue();
        assertThat(code.find()).isTrue();
        mvc.perform(get("/sessions/" + session + "/checkin-screen").with(as(accounts, "member")))
                .andExpect(status().isForbidden());

        mvc.perform(post("/checkin/" + session)
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("t", "0000"))
                .andExpect(content().string(containsString("签到码已过期")));
        mvc.perform(post("/checkin/" + session)
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("t", token.group(1)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("签到成功")));
        mvc.perform(post("/checkin/" + session)
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("t", token.group(1)))
                .andExpect(content().string(containsString("您已签到")));
        mvc.perform(post("/checkin")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .param("code", code.group(1)))
                .andExpect(content().string(containsString("签到成功")));
        mvc.perform(post("/checkin/" + session)
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader())
                        .param("t", token.group(1)))
                .andExpect(status().isNotFound());

        assertThat(jdbc.sql("select count(*) from session_attendance where session_id = ? and status = 'PRESENT'"
                                + " and check_in_method = 'QR'")
                        .param(session)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void noticeAndSignInSheetAreWordDocumentsOfTheSession() throws Exception {
        long session = jdbc.sql("select min(s.id) from session_study_session s join org_unit o on o.id = s.org_id"
                        + " where o.code = 'XJ' and s.session_date = '2025-11-27'")
                .query(Long.class)
                .single();
        byte[] notice = mvc.perform(get("/sessions/" + session + "/notice.docx").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        byte[] sheet = mvc.perform(get("/sessions/" + session + "/signin.docx").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(notice));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("会议的通知", "2025年11月27日", "与青年理论学习小组联学共建", "王建国");
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(sheet))) {
            assertThat(doc.getTables()).hasSize(1);
            var table = doc.getTables().get(0);
            long expected = jdbc.sql("select count(*) from session_attendance where session_id = ?")
                    .param(session)
                    .query(Long.class)
                    .single();
            assertThat(table.getRows()).hasSize((int) expected + 1);
            assertThat(table.getRow(0).getCell(1).getText()).isEqualTo("姓名");
            assertThat(table.getText()).contains("列席", "张伟");
        }
        mvc.perform(get("/sessions/" + session + "/signin.docx").with(as(accounts, "member")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/sessions/" + session + "/signin.docx").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
    }

    @Test
    void youthAndKeySpeechFiguresMatchTheRecords() throws Exception {
        String json = mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures").with(as(accounts, "clerk")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long youthAttendees = jdbc.sql("""
                        select count(distinct a.person_id) from session_attendance a
                        join session_study_session s on s.id = a.session_id join org_unit o on o.id = s.org_id
                        join org_person p on p.id = a.person_id
                        where o.code = 'XJ' and s.status = 'HELD' and s.session_date between '2025-01-01' and '2025-12-31'
                          and a.attendee_role = 'ATTENDEE' and a.status = 'PRESENT' and p.youth_cadre = true""").query(Long.class).single();
        long keySpeakers = jdbc.sql("""
                        select count(distinct sp.person_id) from session_speech sp
                        join session_study_session s on s.id = sp.session_id join org_unit o on o.id = s.org_id
                        join org_membership m on m.person_id = sp.person_id and m.org_id = o.id and m.study_year = 2025
                        where o.code = 'XJ' and s.status = 'HELD' and s.session_date between '2025-01-01' and '2025-12-31'
                          and sp.kind = 'KEY' and m.role <> 'SECRETARY'""").query(Long.class).single();
        assertThat(((Number) ((java.util.List<?>) JsonPath.read(json, "$[?(@.key=='youth.attendees')].value")).get(0))
                        .longValue())
                .isEqualTo(youthAttendees)
                .isPositive();
        assertThat(((Number) ((java.util.List<?>) JsonPath.read(json, "$[?(@.key=='speech.keyRate')].numerator"))
                                .get(0))
                        .longValue())
                .isEqualTo(keySpeakers)
                .isPositive();
    }
}
