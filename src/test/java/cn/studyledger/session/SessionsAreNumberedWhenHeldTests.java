package cn.studyledger.session;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import cn.studyledger.office.LedgerProvider;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * A session is numbered in its organisation's year when it is marked held (第N次 overall and of its format), never
 * renumbered when other sessions are cancelled or corrected, and a held session corrected keeps its number; the
 * numbers are in the API, the pages, the papers and the ledger. A 扩大学习 counts in {@code sessions.enlarged} once
 * held. All in the demo organisation's year, rolled back; numbers are read relative to those already given.
 */
@IntegrationTest
@Transactional
class SessionsAreNumberedWhenHeldTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("sessionLedger")
    LedgerProvider sessionLedger;

    @Test
    void sessionsAreNumberedInTheOrderTheyAreHeldAndNeverRenumbered() throws Exception {
        int overall = highest("ordinal", null);
        int discussions = highest("format_ordinal", "DISCUSSION");
        int collective = highest("format_ordinal", "COLLECTIVE");

        long a = create("2025-12-26", "DISCUSSION", false);
        long b = create("2025-12-27", "COLLECTIVE", false);
        long c = create("2025-12-28", "DISCUSSION", false);
        long d = create("2025-12-29", "DISCUSSION", false);
        long e = create("2025-12-30", "DISCUSSION", false);
        mvc.perform(get("/api/v1/sessions/" + a).with(as(accounts, "clerk")))
                .andExpect(jsonPath("$.ordinal").isEmpty())
                .andExpect(jsonPath("$.formatOrdinal").isEmpty());

        hold(a);
        hold(c); // held before b, though b is earlier: the number is given when marked held
        hold(b);
        assertNumbers(a, overall + 1, discussions + 1);
        assertNumbers(c, overall + 2, discussions + 2);
        assertNumbers(b, overall + 3, collective + 1);

        mvc.perform(post("/api/v1/sessions/" + d + "/cancel")
                        .param("version", String.valueOf(version(d)))
                        .param("reason", "与上级会议冲突")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk());
        edit(a, "2025-12-20", "DISCUSSION", "日期登记有误");
        hold(e);

        assertNumbers(a, overall + 1, discussions + 1);
        assertNumbers(b, overall + 3, collective + 1);
        assertNumbers(c, overall + 2, discussions + 2);
        assertNumbers(e, overall + 4, discussions + 3);
        mvc.perform(get("/api/v1/sessions/" + d).with(as(accounts, "clerk")))
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.ordinal").isEmpty());

        // a format corrected: the session keeps its number of the year and is numbered next in its new format
        edit(c, "2025-12-28", "COLLECTIVE", "形式登记有误");
        assertNumbers(c, overall + 2, collective + 2);
        assertNumbers(e, overall + 4, discussions + 3);
    }

    @Test
    void theNumberIsOnTheListTheDetailTheNoticeTheSignInSheetAndTheLedger() throws Exception {
        int overall = highest("ordinal", null);
        int discussions = highest("format_ordinal", "DISCUSSION");
        long planned = create("2025-12-30", "DISCUSSION", false);
        assertThat(paragraphs(docx("/sessions/" + planned + "/notice.docx")).get(0))
                .as("a planned session has no number yet")
                .isEqualTo("关于召开理论学习中心组集体学习会议的通知");

        long held = create("2025-12-29", "DISCUSSION", false);
        hold(held);
        String label = "2025年第" + (overall + 1) + "次集中学习";
        String inFormat = "第" + (discussions + 1) + "次专题研讨";

        mvc.perform(get("/sessions/" + held).with(as(accounts, "clerk")))
                .andExpect(content().string(containsString(label + "（" + inFormat + "）")))
                .andExpect(content()
                        .string(containsString(
                                "学习记录<span class=\"small text-muted fw-normal\">（2025年" + inFormat + "）")));
        mvc.perform(get("/sessions").param("q", "编号测试").with(as(accounts, "clerk")))
                .andExpect(content().string(containsString("第" + (overall + 1) + "次")))
                .andExpect(content().string(containsString("（" + inFormat + "）")));

        List<String> notice = paragraphs(docx("/sessions/" + held + "/notice.docx"));
        assertThat(notice.get(0).replace("\n", ""))
                .as("the title, broken into lines where it reads well")
                .isEqualTo("关于召开理论学习中心组" + label + "会议的通知");
        assertThat(String.join("\n", notice)).contains("召开理论学习中心组" + label + "会议（" + inFormat + "）");
        assertThat(paragraphs(docx("/sessions/" + held + "/signin.docx")))
                .contains("场次：" + label + "（" + inFormat + "）");

        // the ledger read here, in the test's transaction (the download streams it from a connection of its own)
        UserDetails clerk = accounts.loadUserByUsername("clerk");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(clerk, null, clerk.getAuthorities()));
        List<List<Object>> rows = new ArrayList<>();
        try {
            sessionLedger.rows("XJ", 2025, rows::add);
        } finally {
            SecurityContextHolder.clearContext();
        }
        List<String> header = sessionLedger.header();
        List<Object> ours = row(rows, header, "编号测试 2025-12-29");
        assertThat(ours.get(header.indexOf("次序"))).isEqualTo("第" + (overall + 1) + "次");
        assertThat(ours.get(header.indexOf("形式次序"))).isEqualTo(inFormat);
        assertThat(row(rows, header, "编号测试 2025-12-30").get(header.indexOf("次序")))
                .as("a planned session has no number")
                .isNull();
    }

    static List<Object> row(List<List<Object>> rows, List<String> header, String title) {
        return rows.stream()
                .filter(r -> title.equals(r.get(header.indexOf("主题"))))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anEnlargedSessionCountsInSessionsEnlargedOnceHeldWithItselfAsEvidence() throws Exception {
        long before = figure("sessions.enlarged");
        long enlarged = create("2025-12-29", "COLLECTIVE", true);
        create("2025-12-30", "COLLECTIVE", false);
        mvc.perform(get("/api/v1/sessions/" + enlarged).with(as(accounts, "clerk")))
                .andExpect(jsonPath("$.enlarged").value(true));
        assertThat(figure("sessions.enlarged")).as("not while planned").isEqualTo(before);

        hold(enlarged);
        assertThat(figure("sessions.enlarged")).isEqualTo(before + 1);
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures/sessions.enlarged/evidence")
                        .with(as(accounts, "clerk")))
                .andExpect(jsonPath("$.length()").value((int) before + 1))
                .andExpect(jsonPath("$[?(@.id==" + enlarged + ")]").isNotEmpty());
        mvc.perform(get("/sessions/" + enlarged).with(as(accounts, "clerk")))
                .andExpect(content().string(containsString("id=\"session-enlarged\"")));

        edit(enlarged, "2025-12-29", "COLLECTIVE", "并非扩大学习", false);
        assertThat(figure("sessions.enlarged")).isEqualTo(before);
    }

    @Test
    void theSessionFormMarksAnEnlargedSession() throws Exception {
        mvc.perform(post("/sessions")
                        .with(as(accounts, "clerk"))
                        .with(csrf())
                        .param("title", "扩大学习表单")
                        .param("date", "2025-12-29")
                        .param("durationHours", "3")
                        .param("format", "COLLECTIVE")
                        .param("enlarged", "true")
                        .param("confirmYear", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select enlarged from session_study_session where title = '扩大学习表单'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        mvc.perform(get("/sessions/new").with(as(accounts, "clerk")))
                .andExpect(content().string(containsString("扩大学习（非中心组成员参加）")));
    }

    // ---------------------------------------------------------------- helpers

    int highest(String column, String format) {
        return jdbc.sql("select coalesce(max(s." + column + "), 0) from session_study_session s"
                        + " join org_unit o on o.id = s.org_id where o.code = 'XJ' and s.ordinal_year = 2025"
                        + (format == null ? "" : " and s.format = '" + format + "'"))
                .query(Integer.class)
                .single();
    }

    long create(String date, String format, boolean enlarged) throws Exception {
        String created = mvc.perform(post("/api/v1/orgs/XJ/sessions")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(date, format, enlarged, null)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    static String json(String date, String format, boolean enlarged, String reason) {
        return """
                {"title":"编号测试 %s","date":"%s","durationHours":3,"format":"%s","enlarged":%s,%s
                 "agenda":[{"kind":"THEORY","title":"理论学习"}]}""".formatted(date, date, format, enlarged, reason == null ? "" : "\"reason\":\"" + reason + "\",");
    }

    void hold(long id) throws Exception {
        mvc.perform(put("/api/v1/sessions/" + id + "/attendance")
                        .param("version", String.valueOf(version(id)))
                        .param("others", "PRESENT")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[]"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/sessions/" + id + "/held")
                        .param("version", String.valueOf(version(id)))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("HELD"))
                .andExpect(jsonPath("$.ordinal").isNumber());
    }

    void edit(long id, String date, String format, String reason) throws Exception {
        edit(id, date, format, reason, false);
    }

    void edit(long id, String date, String format, String reason, boolean enlarged) throws Exception {
        mvc.perform(put("/api/v1/sessions/" + id)
                        .param("version", String.valueOf(version(id)))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(date, format, enlarged, reason)))
                .andExpect(status().isOk());
    }

    void assertNumbers(long id, int ordinal, int formatOrdinal) throws Exception {
        mvc.perform(get("/api/v1/sessions/" + id).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ordinal").value(ordinal))
                .andExpect(jsonPath("$.formatOrdinal").value(formatOrdinal));
    }

    long version(long id) {
        return jdbc.sql("select version from session_study_session where id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    long figure(String key) throws Exception {
        String json = mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures").with(as(accounts, "clerk")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> values = JsonPath.read(json, "$[?(@.key=='" + key + "')].value");
        return values.get(0).longValue();
    }

    byte[] docx(String path) throws Exception {
        return mvc.perform(get(path).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    static List<String> paragraphs(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return doc.getParagraphs().stream().map(p -> p.getText()).toList();
        }
    }
}
