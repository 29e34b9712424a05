package cn.studyledger.session;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import cn.studyledger.common.time.OfficeTime;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/** A session's 学习简报: drafted from the record, edited, issued as 第N期, written to Word and counted. */
@IntegrationTest
@Transactional
class SessionBriefApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.with(csrf().asHeader())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    /** The demo's held sessions of XJ in its latest year with a held session, oldest first. */
    List<Map<String, Object>> held() {
        return jdbc.sql("""
                        select s.id, s.session_date, s.place, p.name presider from session_study_session s
                          join org_unit o on o.id = s.org_id left join org_person p on p.id = s.presider_person_id
                         where o.code = 'XJ' and s.status = 'HELD' order by s.session_date desc, s.id""").query().listOfRows();
    }

    String brief(long id) throws Exception {
        return mvc.perform(get("/api/v1/sessions/" + id + "/brief").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theDraftIsComposedFromTheRecordAndNotStored() throws Exception {
        Map<String, Object> session = held().get(0);
        long id = ((Number) session.get("id")).longValue();
        String body = JsonPath.read(brief(id), "$.body");
        LocalDate date = ((java.sql.Date) session.get("session_date")).toLocalDate();
        assertThat(body).contains(OfficeTime.chineseDate(date));
        if (session.get("place") != null) {
            assertThat(body).contains("在" + session.get("place"));
        }
        if (session.get("presider") != null) {
            assertThat(body).contains("会议由" + session.get("presider") + "同志主持");
        }
        long members = jdbc.sql(
                        "select count(*) from session_attendance where session_id = ? and attendee_role = 'MEMBER'")
                .param(id)
                .query(Long.class)
                .single();
        long present = jdbc.sql("select count(*) from session_attendance where session_id = ?"
                        + " and attendee_role = 'MEMBER' and status = 'PRESENT'")
                .param(id)
                .query(Long.class)
                .single();
        assertThat(body).contains("中心组成员应到" + members + "人，实到" + present + "人");
        jdbc.sql("select title from session_agenda_item where session_id = ?")
                .param(id)
                .query(String.class)
                .list()
                .forEach(t -> assertThat(body).contains(t));
        List<String> speakers = jdbc.sql("select p.name from session_speech sp join org_person p on p.id = sp.person_id"
                        + " where sp.session_id = ?")
                .param(id)
                .query(String.class)
                .list();
        assertThat(speakers).isNotEmpty();
        speakers.forEach(name -> assertThat(body).contains(name + "同志作题为"));
        assertThat(JsonPath.<Boolean>read(brief(id), "$.stored")).isFalse();
        assertThat(jdbc.sql("select count(*) from session_brief where session_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void editsAreStoredWithAVersionAndIssuedBriefsAreNumberedAndFrozen() throws Exception {
        List<Map<String, Object>> held = held();
        long first = ((Number) held.get(1).get("id")).longValue();
        long second = ((Number) held.get(0).get("id")).longValue();
        int year = JsonPath.read(brief(first), "$.year");
        assertThat(JsonPath.<Integer>read(brief(second), "$.year")).isEqualTo(year);
        int last = jdbc.sql(
                        "select coalesce(max(b.issue_no), 0) from session_brief b join org_unit o on o.id = b.org_id"
                                + " where o.code = 'XJ' and b.brief_year = ?")
                .param(year)
                .query(Integer.class)
                .single();
        mvc.perform(json(
                                put("/api/v1/sessions/" + first + "/brief").param("version", "0"),
                                "{\"title\":\"简报标题一\",\"body\":\"第一段\\n第二段\"}")
                        .with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paragraphs.length()").value(2))
                .andExpect(jsonPath("$.stored").value(true));
        long version = JsonPath.<Number>read(brief(first), "$.version").longValue();
        mvc.perform(json(
                                put("/api/v1/sessions/" + first + "/brief").param("version", "" + (version + 1)),
                                "{\"title\":\"过期\",\"body\":\"过期\"}")
                        .with(as(accounts, "clerk")))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/sessions/" + first + "/brief/issue")
                        .param("version", "" + version)
                        .with(csrf().asHeader())
                        .with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issueNo").value(last + 1))
                .andExpect(jsonPath("$.issued").value(true));
        long issued = JsonPath.<Number>read(brief(first), "$.version").longValue();
        mvc.perform(json(
                                put("/api/v1/sessions/" + first + "/brief").param("version", "" + issued),
                                "{\"title\":\"改\",\"body\":\"改\"}")
                        .with(as(accounts, "clerk")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("学习简报已印发，不能再修改")));
        mvc.perform(post("/api/v1/sessions/" + first + "/brief/issue")
                        .param("version", "" + issued)
                        .with(csrf().asHeader())
                        .with(as(accounts, "clerk")))
                .andExpect(status().isUnprocessableContent());
        // a brief never edited is issued from its composed draft
        mvc.perform(post("/api/v1/sessions/" + second + "/brief/issue")
                        .param("version", "0")
                        .with(csrf().asHeader())
                        .with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issueNo").value(last + 2));

        byte[] docx = mvc.perform(
                        get("/api/v1/sessions/" + first + "/brief.docx").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText())
                    .contains("学习简报")
                    .contains("第" + (last + 1) + "期")
                    .contains("简报标题一")
                    .contains("第二段")
                    .doesNotContain("草稿");
        }

        String figures = mvc.perform(get("/api/v1/orgs/XJ/years/" + year + "/figures/briefs.issued/evidence")
                        .with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> urls = JsonPath.read(figures, "$[*].url");
        assertThat(urls).contains("/sessions/" + first, "/sessions/" + second);
        assertThat(urls).hasSize(last + 2);
    }

    @Test
    void aDraftIsDownloadedMarkedAsDraftAndAPlannedSessionCannotIssue() throws Exception {
        long id = ((Number) held().get(0).get("id")).longValue();
        byte[] docx = mvc.perform(get("/api/v1/sessions/" + id + "/brief.docx").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("学习简报【草稿】").contains("未编期");
        }
        Long planned = jdbc
                .sql("select s.id from session_study_session s join org_unit o on o.id = s.org_id"
                        + " where o.code = 'XJ' and s.status = 'PLANNED' order by s.id")
                .query(Long.class)
                .list()
                .stream()
                .findFirst()
                .orElse(null);
        if (planned != null) {
            mvc.perform(post("/api/v1/sessions/" + planned + "/brief/issue")
                            .param("version", "0")
                            .with(csrf().asHeader())
                            .with(as(accounts, "clerk")))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.detail", containsString("举行后才能印发")));
        }
    }

    @Test
    void theClerkEditsAndIssuesTheBriefOnThePageAndAMemberOnlyReadsIt() throws Exception {
        long id = ((Number) held().get(0).get("id")).longValue();
        mvc.perform(get("/sessions/" + id).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("保存简报")))
                .andExpect(content().string(containsString("印发简报")));
        mvc.perform(get("/sessions/" + id).with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("学习简报")))
                .andExpect(content().string(not(containsString("印发简报"))));
        mvc.perform(post("/sessions/" + id + "/brief")
                        .param("version", "0")
                        .param("title", "页面编辑的简报")
                        .param("body", "正文一段")
                        .with(csrf())
                        .with(as(accounts, "clerk")))
                .andExpect(status().is3xxRedirection());
        long version = jdbc.sql("select version from session_brief where session_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        mvc.perform(post("/sessions/" + id + "/brief/issue")
                        .param("version", "" + version)
                        .with(csrf())
                        .with(as(accounts, "clerk")))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from session_brief where session_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("ISSUED");
        mvc.perform(get("/sessions/" + id).with(as(accounts, "clerk")))
                .andExpect(content().string(containsString("页面编辑的简报")))
                .andExpect(content().string(not(containsString("保存简报"))));
    }

    @Test
    void anotherOrganisationsUserCannotReadOrChangeTheBrief() throws Exception {
        long id = ((Number) held().get(0).get("id")).longValue();
        mvc.perform(get("/api/v1/sessions/" + id + "/brief").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(json(
                                put("/api/v1/sessions/" + id + "/brief").param("version", "0"),
                                "{\"title\":\"越权\",\"body\":\"越权\"}")
                        .with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/sessions/" + id + "/brief/issue")
                        .param("version", "0")
                        .with(csrf().asHeader())
                        .with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
    }
}
