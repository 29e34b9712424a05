package cn.studyledger.rules;

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

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Which kinds count for 成员发言 and 学习成果 is the year's rule setting: the defaults count what the rules always
 * counted (重点发言; 心得体会、调研报告), counting 理论文章 only changes whom the evaluation finds, a setting without
 * a kind or with one the rule does not know is refused with 422, and another organisation's clerk changes nothing.
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class RuleKindsTests {

    static final String API = "/api/v1/orgs/XJ/years/";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    RequestPostProcessor clerk() {
        return as(accounts, "clerk");
    }

    @Test
    void theDefaultsCountKeySpeechesAndExperienceOrResearchReports() throws Exception {
        mvc.perform(get(API + "2025/rules/writings.perMember").with(clerk()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kinds[0]").value("EXPERIENCE"))
                .andExpect(jsonPath("$.kinds[1]").value("RESEARCH_REPORT"))
                .andExpect(jsonPath("$.kindOptions.length()").value(4))
                .andExpect(jsonPath("$.text").value("每名成员全年撰写心得体会或调研报告不少于1篇"));
        mvc.perform(get(API + "2025/rules/speech.perMember").with(clerk()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("成员发言"))
                .andExpect(jsonPath("$.kinds[0]").value("KEY"))
                .andExpect(jsonPath("$.kinds.length()").value(1))
                .andExpect(jsonPath("$.text").value("每名成员全年重点发言不少于1次"));
        mvc.perform(get(API + "2025/rules/sessions.length").with(clerk()))
                .andExpect(jsonPath("$.kindOptions.length()").value(0));
    }

    @Test
    void countingTheoryArticlesOnlyChangesTheFinding() throws Exception {
        long version = version("writings.perMember");
        mvc.perform(put(API + "2025/rules/writings.perMember")
                        .with(clerk())
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(version, "\"THEORY_ARTICLE\"")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kinds[0]").value("THEORY_ARTICLE"))
                .andExpect(jsonPath("$.defaults").value(false))
                .andExpect(jsonPath("$.text").value("每名成员全年撰写理论文章不少于1篇"));

        String json = body(
                mvc.perform(post(API + "2025/rules/evaluation").with(clerk()).with(csrf().asHeader()))
                        .andExpect(status().isOk()));
        List<String> findings = JsonPath.read(json, "$.findings[?(@.ruleKey == 'writings.perMember')].finding");
        List<String> urls = JsonPath.read(json, "$.findings[?(@.ruleKey == 'writings.perMember')].evidence[*].url");
        long without = jdbc.sql("""
                        select count(*) from org_membership m join org_unit o on o.id = m.org_id
                         where o.code = 'XJ' and m.study_year = 2025 and m.role <> 'SECRETARY'
                           and not exists (select 1 from selfstudy_writing w
                                            where w.org_id = o.id and w.person_id = m.person_id
                                              and w.kind = 'THEORY_ARTICLE'
                                              and w.written_on between '2025-01-01' and '2025-12-31')""").query(Long.class).single();
        assertThat(without).isPositive();
        assertThat(findings).singleElement().asString().startsWith(without + "名成员全年撰写理论文章少于1篇");
        assertThat(urls).hasSize((int) without);
        assertThat(jdbc.sql("select summary from common_audit_event where object_type = '规则设置' order by id desc")
                        .query(String.class)
                        .list())
                .first()
                .asString()
                .contains("撰写心得体会或调研报告不少于1篇")
                .contains("撰写理论文章不少于1篇");
    }

    @Test
    void noKindOrAnUnknownKindIsRefused() throws Exception {
        long version = version("speech.perMember");
        mvc.perform(put(API + "2025/rules/speech.perMember")
                        .with(clerk())
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(version, "")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("请至少选择一种计入的发言类型"));
        mvc.perform(put(API + "2025/rules/speech.perMember")
                        .with(clerk())
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(version, "\"KEY\",\"SPEECH\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("“SPEECH”不是可选的发言类型")));
        assertThat(version("speech.perMember")).isEqualTo(version);
    }

    @Test
    void rulesPageOffersTheKindsAndSavesThem() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/context")
                        .session(session)
                        .with(clerk())
                        .with(csrf().asHeader())
                        .param("orgCode", "XJ")
                        .param("year", "2025"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/rules").session(session).with(clerk()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"kind-speech.perMember-EXCHANGE\"")))
                .andExpect(content().string(containsString("id=\"kind-writings.perMember-THEORY_ARTICLE\"")));
        long version = version("speech.perMember");
        mvc.perform(post("/rules/speech.perMember")
                        .session(session)
                        .with(clerk())
                        .with(csrf().asHeader())
                        .param("enabled", "true")
                        .param("param1", "1")
                        .param("source", "本单位中心组学习实施办法")
                        .param("version", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"rule-error-speech.perMember\"")))
                .andExpect(content().string(containsString("请至少选择一种计入的发言类型")));
        mvc.perform(post("/rules/speech.perMember")
                        .session(session)
                        .with(clerk())
                        .with(csrf().asHeader())
                        .param("enabled", "true")
                        .param("param1", "1")
                        .param("source", "本单位中心组学习实施办法")
                        .param("kinds", "KEY", "EXCHANGE")
                        .param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(API + "2025/rules/speech.perMember").with(clerk()))
                .andExpect(jsonPath("$.text").value("每名成员全年重点发言或交流发言不少于1次"));
    }

    @Test
    void anotherOrganisationsClerkCannotChangeTheKinds() throws Exception {
        long version = version("writings.perMember");
        mvc.perform(put(API + "2025/rules/writings.perMember")
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(version, "\"THEORY_ARTICLE\"")))
                .andExpect(status().isNotFound());
        mvc.perform(put(API + "2025/rules/writings.perMember")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(version, "\"THEORY_ARTICLE\"")))
                .andExpect(status().isForbidden());
        mvc.perform(get(API + "2025/rules/writings.perMember").with(clerk()))
                .andExpect(jsonPath("$.version").value(version))
                .andExpect(jsonPath("$.kinds.length()").value(2));
    }

    long version(String key) throws Exception {
        String json =
                body(mvc.perform(get(API + "2025/rules/" + key).with(clerk())).andExpect(status().isOk()));
        return ((Number) JsonPath.read(json, "$.version")).longValue();
    }

    static String json(long version, String kinds) {
        return "{\"enabled\":true,\"param1\":1,\"source\":\"本单位中心组学习实施办法\",\"kinds\":[" + kinds + "],\"version\":"
                + version + "}";
    }

    static String body(ResultActions actions) throws Exception {
        return actions.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
