package cn.studyledger.outreach;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * An issued 学习简报 is filed as a publicity item without retyping it: 「学习简报第N期：…」 on 内部刊物, dated the day it
 * was issued, with the brief's Word file; once only (409 naming the item), never a draft (422), never another
 * organisation's (404).
 */
@IntegrationTest
@Transactional
class IssuedBriefBecomesAPublicityItemTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    Map<String, Object> issuedBrief() {
        return jdbc.sql("""
                        select b.session_id, b.issue_no, b.title, b.issued_on from session_brief b
                          join org_unit o on o.id = b.org_id
                         where o.code = 'XJ' and b.status = 'ISSUED' order by b.brief_year desc, b.issue_no desc""").query().listOfRows().get(0);
    }

    @Test
    void theClerkFilesTheIssuedBriefOnceWithItsWordFile() throws Exception {
        Map<String, Object> brief = issuedBrief();
        long session = ((Number) brief.get("session_id")).longValue();
        String title = "学习简报第" + brief.get("issue_no") + "期：" + brief.get("title");
        String created = mvc.perform(post("/api/v1/sessions/" + session + "/brief/publicity")
                        .with(csrf().asHeader())
                        .with(as(accounts, "clerk")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.channel").value("INTERNAL_JOURNAL"))
                .andExpect(jsonPath("$.column").value("学习简报"))
                .andExpect(
                        jsonPath("$.publishedOn").value(brief.get("issued_on").toString()))
                .andExpect(jsonPath("$.briefSessionId").value(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long item = JsonPath.<Number>read(created, "$.id").longValue();
        assertThat(JsonPath.<String>read(created, "$.file.originalName")).endsWith(".docx");

        byte[] file = mvc.perform(get("/api/v1/publicity/" + item + "/file").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("学习简报", "第" + brief.get("issue_no") + "期", (String) brief.get("title"));
        }
        assertThat(jdbc.sql("select action from common_audit_event where object_type = '宣传报道' and object_id = ?")
                        .param(String.valueOf(item))
                        .query(String.class)
                        .list())
                .containsExactly("CREATE");

        mvc.perform(post("/api/v1/sessions/" + session + "/brief/publicity")
                        .with(csrf().asHeader())
                        .with(as(accounts, "clerk")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("《" + title + "》")));
        assertThat(jdbc.sql("select count(*) from outreach_publicity_item where brief_session_id = ?")
                        .param(session)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aSessionWithoutAnIssuedBriefIsRefusedAndAnotherOrganisationsIsNotFound() throws Exception {
        long draft = jdbc.sql("""
                        select min(s.id) from session_study_session s join org_unit o on o.id = s.org_id
                         where o.code = 'XJ' and not exists
                               (select 1 from session_brief b where b.session_id = s.id and b.status = 'ISSUED')""").query(Long.class).single();
        mvc.perform(post("/api/v1/sessions/" + draft + "/brief/publicity")
                        .with(csrf().asHeader())
                        .with(as(accounts, "clerk")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("学习简报印发后才能登记为宣传报道"));

        long issued = ((Number) issuedBrief().get("session_id")).longValue();
        mvc.perform(post("/api/v1/sessions/" + issued + "/brief/publicity")
                        .with(csrf().asHeader())
                        .with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/sessions/" + issued + "/brief/publicity")
                        .with(csrf().asHeader())
                        .with(as(accounts, "leader")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from outreach_publicity_item where brief_session_id in (?, ?)")
                        .param(draft)
                        .param(issued)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theSessionPageFilesTheBriefAndLinksToTheItem() throws Exception {
        long session = ((Number) issuedBrief().get("session_id")).longValue();
        mvc.perform(get("/sessions/" + session).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/sessions/" + session + "/brief/publicity")));
        var result = mvc.perform(post("/sessions/" + session + "/brief/publicity")
                        .with(csrf())
                        .with(as(accounts, "clerk")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/sessions/" + session + "#brief"))
                .andExpect(flash().attribute("success", containsString("已将学习简报登记为宣传报道")))
                .andReturn();
        List<Long> items = jdbc.sql("select id from outreach_publicity_item where brief_session_id = ?")
                .param(session)
                .query(Long.class)
                .list();
        assertThat(items).hasSize(1);
        mvc.perform(get("/sessions/" + session).flashAttrs(result.getFlashMap()).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/outreach/publicity/" + items.get(0))));
    }
}
