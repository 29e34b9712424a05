package cn.studyledger.session;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * 学习测试 through the API and the pages: the clerk records a test and who took part (scores optional, shown to the
 * clerk and the 组长 only, members listed by name and never ranked), stale versions and invalid input are refused,
 * other organisations see nothing, and the figures tests.held and tests.participation count exactly the records.
 * Each test rolls back what it wrote.
 */
@IntegrationTest
@Transactional
class StudyTestsTests {

    static final String YEAR_API = "/api/v1/orgs/XJ/years/2025/study-tests";
    static final String API = "/api/v1/study-tests/";

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

    static String test(String title, String heldOn) {
        return "{\"title\":\"" + title + "\",\"heldOn\":\"" + heldOn + "\",\"note\":\"闭卷\"}";
    }

    static String body(ResultActions actions) throws Exception {
        return actions.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The members of X局's group in 2025, by person id → name. */
    List<Map<String, Object>> members() {
        return jdbc.sql("""
                        select m.person_id, p.name from org_membership m join org_unit o on o.id = m.org_id
                          join org_person p on p.id = m.person_id
                         where o.code = 'XJ' and m.study_year = 2025 and m.role <> 'SECRETARY' order by m.person_id""").query().listOfRows();
    }

    long person(int index) {
        return ((Number) members().get(index).get("person_id")).longValue();
    }

    long create(String title, String heldOn) throws Exception {
        String created = body(mvc.perform(json(post(YEAR_API).with(as(accounts, "clerk")), test(title, heldOn)))
                .andExpect(status().isCreated()));
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    long version(long id) {
        return jdbc.sql("select version from session_study_test where id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    ResultActions participants(long id, long version, String lines, String user) throws Exception {
        return mvc.perform(json(
                put(API + id + "/participants")
                        .param("version", String.valueOf(version))
                        .with(as(accounts, user)),
                "{\"participants\":[" + lines + "]}"));
    }

    @Test
    void clerkRecordsATestAndWhoTookPartAndOnlyTheClerkAndLeaderSeeScores() throws Exception {
        long id = create("生态环境保护法律法规知识测试", "2025-09-25");
        long a = person(0);
        long b = person(1);
        String saved = body(participants(
                        id,
                        version(id),
                        "{\"personId\":" + a + ",\"score\":92.5},{\"personId\":" + b + ",\"note\":\"补测\"}",
                        "clerk")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scoresShown").value(true)));
        List<String> names = JsonPath.read(saved, "$.group[*].name");
        List<String> sorted =
                names.stream().sorted(Collator.getInstance(Locale.CHINA)).toList();
        assertThat(names).as("the group in name order, not by score").isEqualTo(sorted);
        assertThat(names).hasSize(members().size());
        List<Object> scores = JsonPath.read(saved, "$.group[?(@.personId == " + a + ")].score");
        assertThat(scores).singleElement().asString().isEqualTo("92.5");

        mvc.perform(get(API + id).with(as(accounts, "leader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scoresShown").value(true))
                .andExpect(jsonPath("$.group[?(@.personId == " + a + ")].score").value(92.5));
        mvc.perform(get(API + id).with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scoresShown").value(false))
                .andExpect(jsonPath("$.group[?(@.personId == " + a + ")].took").value(true))
                .andExpect(jsonPath("$.group[?(@.personId == " + a + ")].score")
                        .value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.nullValue())));
        mvc.perform(get(YEAR_API).with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].participants").value(2))
                .andExpect(content().string(not(containsString("92.5"))));

        // edited in place, then deleted; every change audited
        mvc.perform(json(
                        put(API + id)
                                .param("version", String.valueOf(version(id)))
                                .with(as(accounts, "clerk")),
                        test("生态环境保护法律法规应知应会测试", "2025-09-26")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("生态环境保护法律法规应知应会测试"))
                .andExpect(jsonPath("$.group[?(@.took == true)].personId", org.hamcrest.Matchers.hasSize(2)));
        mvc.perform(delete(API + id)
                        .param("version", String.valueOf(version(id)))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNoContent());
        mvc.perform(get(API + id).with(as(accounts, "clerk"))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select action from common_audit_event where object_type = '学习测试' and object_id = :id"
                                + " order by id")
                        .param("id", String.valueOf(id))
                        .query(String.class)
                        .list())
                .containsExactly("CREATE", "UPDATE", "UPDATE", "DELETE");
    }

    @Test
    void aStaleVersionIsRefusedWithConflict() throws Exception {
        long id = create("党章知识测试", "2025-07-01");
        long stale = version(id);
        participants(id, stale, "{\"personId\":" + person(0) + "}", "clerk").andExpect(status().isOk());
        assertThat(version(id)).isGreaterThan(stale);
        participants(id, stale, "{\"personId\":" + person(1) + "}", "clerk").andExpect(status().isConflict());
        mvc.perform(json(
                        put(API + id).param("version", String.valueOf(stale)).with(as(accounts, "clerk")),
                        test("改动", "2025-07-01")))
                .andExpect(status().isConflict());
        mvc.perform(delete(API + id)
                        .param("version", String.valueOf(stale))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isConflict());
        // a change of a score alone moves the version on too
        long now = version(id);
        participants(id, now, "{\"personId\":" + person(0) + ",\"score\":80}", "clerk")
                .andExpect(status().isOk());
        participants(id, now, "{\"personId\":" + person(0) + ",\"score\":90}", "clerk")
                .andExpect(status().isConflict());
    }

    @Test
    void invalidScoresOutsidersAndDatesAreRefused() throws Exception {
        long id = create("条例知识测试", "2025-08-01");
        long v = version(id);
        participants(id, v, "{\"personId\":" + person(0) + ",\"score\":101}", "clerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("成绩应在0至100分之间")));
        participants(id, v, "{\"personId\":" + person(0) + ",\"score\":-1}", "clerk")
                .andExpect(status().isUnprocessableContent());
        long outsider = jdbc.sql("""
                        select min(p.id) from org_person p where p.id not in (select m.person_id from org_membership m
                          join org_unit o on o.id = m.org_id where o.code = 'XJ' and m.study_year = 2025
                           and m.role <> 'SECRETARY')""").query(Long.class).single();
        participants(id, v, "{\"personId\":" + outsider + "}", "clerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("参加测试的人员须是本单位中心组2025年度成员"));
        participants(id, v, "{\"personId\":" + person(0) + "},{\"personId\":" + person(0) + "}", "clerk")
                .andExpect(status().isUnprocessableContent());
        assertThat(version(id)).isEqualTo(v);

        mvc.perform(json(post(YEAR_API).with(as(accounts, "clerk")), test("跨年测试", "2024-12-30")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("测试日期应在2025年内"));
        long foreignSession = jdbc.sql(
                        "select min(s.id) from session_study_session s join org_unit o on o.id = s.org_id"
                                + " where o.code <> 'XJ'")
                .query(Long.class)
                .single();
        mvc.perform(json(
                        post(YEAR_API).with(as(accounts, "clerk")),
                        "{\"title\":\"测试\",\"heldOn\":\"2025-05-01\",\"sessionId\":" + foreignSession + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("所关联的集中学习不是本单位的集中学习"));
        mvc.perform(json(post(YEAR_API).with(as(accounts, "clerk")), test("", "2025-05-01")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void otherOrganisationsAndReadersChangeNothing() throws Exception {
        long id = create("理论知识测试", "2025-04-01");
        long v = version(id);
        mvc.perform(get(API + id).with(as(accounts, "unitclerk"))).andExpect(status().isNotFound());
        mvc.perform(get(YEAR_API).with(as(accounts, "unitclerk"))).andExpect(status().isNotFound());
        participants(id, v, "{\"personId\":" + person(0) + "}", "unitclerk").andExpect(status().isNotFound());
        mvc.perform(delete(API + id)
                        .param("version", String.valueOf(v))
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        participants(id, v, "{\"personId\":" + person(0) + "}", "member").andExpect(status().isForbidden());
        participants(id, v, "{\"personId\":" + person(0) + "}", "leader").andExpect(status().isForbidden());
        mvc.perform(json(post(YEAR_API).with(as(accounts, "unitclerk")), test("越权", "2025-04-01")))
                .andExpect(status().isNotFound());
        for (String user : List.of("admin", "secadmin", "auditor", "observer")) {
            mvc.perform(get(API + id).with(as(accounts, user))).andExpect(status().isForbidden());
            mvc.perform(get("/study-tests").with(as(accounts, user))).andExpect(status().isForbidden());
        }
        assertThat(version(id)).isEqualTo(v);
    }

    @Test
    void theFiguresCountTheTestsAndTheMembersTakingPart() throws Exception {
        long before = figureValue("tests.held", null);
        long id = create("新增测试", "2025-03-20");
        participants(id, version(id), "{\"personId\":" + person(0) + "},{\"personId\":" + person(1) + "}", "clerk")
                .andExpect(status().isOk());
        long tests = count("select count(*) from session_study_test t join org_unit o on o.id = t.org_id"
                + " where o.code = 'XJ' and t.held_on between '2025-01-01' and '2025-12-31'");
        long firstHalf = count("select count(*) from session_study_test t join org_unit o on o.id = t.org_id"
                + " where o.code = 'XJ' and t.held_on between '2025-01-01' and '2025-06-30'");
        long taken = count("select count(*) from session_study_test_participant p join session_study_test t"
                + " on t.id = p.test_id join org_unit o on o.id = t.org_id where o.code = 'XJ'"
                + " and t.held_on between '2025-01-01' and '2025-12-31' and p.person_id in (select m.person_id"
                + " from org_membership m where m.org_id = o.id and m.study_year = 2025 and m.role <> 'SECRETARY')");
        assertThat(tests).isEqualTo(before + 1).isGreaterThanOrEqualTo(3);
        assertThat(figureValue("tests.held", null)).isEqualTo(tests);
        assertThat(figureValue("tests.held", "H1")).isEqualTo(firstHalf);

        String figures =
                body(mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures").with(as(accounts, "clerk")))
                        .andExpect(status().isOk()));
        List<Number> numerator = JsonPath.read(figures, "$[?(@.key == 'tests.participation')].numerator");
        List<Number> denominator = JsonPath.read(figures, "$[?(@.key == 'tests.participation')].denominator");
        assertThat(numerator.get(0).longValue()).isEqualTo(taken);
        assertThat(denominator.get(0).longValue()).isEqualTo(tests * members().size());

        String evidence = body(mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures/tests.participation/evidence")
                        .with(as(accounts, "clerk")))
                .andExpect(status().isOk()));
        assertThat(JsonPath.<List<Object>>read(evidence, "$[*]")).hasSize((int) taken);
        assertThat(JsonPath.<List<String>>read(evidence, "$[*].url")).contains("/study-tests/" + id);
        assertThat(evidence).doesNotContain("score").doesNotContain("分");
        String missed = body(mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures/tests.participation/evidence")
                        .param("part", "complement")
                        .with(as(accounts, "clerk")))
                .andExpect(status().isOk()));
        assertThat(JsonPath.<List<Object>>read(missed, "$[*]"))
                .hasSize((int) (tests * members().size() - taken));
    }

    @Test
    void pagesListTheTestsAndTheClerkRecordsParticipants() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/context")
                        .session(session)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("orgCode", "XJ")
                        .param("year", "2025"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/study-tests").session(session).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("党纪学习教育知识测试")))
                .andExpect(content().string(containsString("id=\"new-study-test\"")));
        mvc.perform(post("/study-tests")
                        .session(session)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("title", "")
                        .param("heldOn", "2025-05-08"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("请填写测试名称")));
        String location = mvc.perform(post("/study-tests")
                        .session(session)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("title", "页面新增的测试")
                        .param("heldOn", "2025-05-08"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long a = person(0);
        mvc.perform(post("/study-tests/" + id + "/participants")
                        .session(session)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(id)))
                        .param("took", String.valueOf(a))
                        .param("score-" + a, "abc"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"participants-error\"")));
        mvc.perform(post("/study-tests/" + id + "/participants")
                        .session(session)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(id)))
                        .param("took", String.valueOf(a))
                        .param("score-" + a, "86.5"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/study-tests/" + id).session(session).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"86.5\"")))
                .andExpect(content().string(containsString("data-confirm=")));
        MockHttpSession memberSession = new MockHttpSession();
        mvc.perform(post("/context")
                        .session(memberSession)
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("orgCode", "XJ")
                        .param("year", "2025"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/study-tests/" + id).session(memberSession).with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"participants\"")))
                .andExpect(content().string(not(containsString("86.5"))))
                .andExpect(content().string(not(containsString("participants-form"))));
        mvc.perform(post("/study-tests/" + id + "/delete")
                        .session(session)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from session_study_test where id = " + id))
                .isZero();
    }

    @Test
    void aYearWithoutTestsShowsTheEmptyState() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/context")
                        .session(session)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("orgCode", "XJ")
                        .param("year", "2019"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/study-tests").session(session).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"study-tests-empty\"")));
    }

    long figureValue(String key, String period) throws Exception {
        var request = get("/api/v1/orgs/XJ/years/2025/figures").with(as(accounts, "clerk"));
        if (period != null) {
            request = request.param("period", period);
        }
        String figures = body(mvc.perform(request).andExpect(status().isOk()));
        List<Number> values = JsonPath.read(figures, "$[?(@.key == '" + key + "')].value");
        return values.get(0).longValue();
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
