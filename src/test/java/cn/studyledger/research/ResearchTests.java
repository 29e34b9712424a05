package cn.studyledger.research;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/**
 * Research topics and recommendations through the pages and the API on the demo data: linking topics to the
 * sessions that discussed them, the recommendation life (propose, adopt, not adopt), the adoption rate, who may do
 * what, optimistic locking, and the research figures against plain SQL.
 */
@IntegrationTest
@Transactional
class ResearchTests {

    static final String FIGURES = "/api/v1/orgs/XJ/years/2025/figures";
    static final String DEMO_TOPIC = "“十四五”生态环境保护规划目标完成情况评估与短板分析";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ResearchApi api;

    RequestPostProcessor clerk;
    long demoTopic;

    @BeforeEach
    void demoRecords() {
        clerk = as(accounts, "clerk");
        demoTopic = jdbc.sql("select id from research_topic where title = ?")
                .param(DEMO_TOPIC)
                .query(Long.class)
                .single();
    }

    // ---- the demo year ----

    @Test
    void demoYearHasThreeTopicsDiscussedInTheResearchSessionsAndNineRecommendationsFourAdopted() throws Exception {
        String topics = read("/api/v1/orgs/XJ/research/topics?year=2025&size=100");
        List<String> titles = JsonPath.read(topics, "$.items[*].title");
        assertThat(titles).contains(DEMO_TOPIC, "本局“十五五”生态环境保护规划编制思路研究", "重点流域水生态环境治理长效机制研究");
        String detail = read("/api/v1/research/topics/" + demoTopic);
        assertThat(JsonPath.<List<String>>read(detail, "$.discussions[*].sessionDate"))
                .containsExactly("2025-07-10");
        assertThat(JsonPath.<List<String>>read(detail, "$.discussions[*].agendaTitle"))
                .containsExactly("“十四五”生态环境保护规划目标完成情况与短板");
        assertThat(JsonPath.<List<String>>read(detail, "$.recommendations[?(@.status=='ADOPTED')].documentNo"))
                .containsExactlyInAnyOrder("X局发〔2025〕12号", "X局发〔2025〕15号");

        long proposed = sql("""
                select count(*) from research_recommendation r join org_unit o on o.id = r.org_id
                 where o.code = 'XJ' and r.proposed_on between '2025-01-01' and '2025-12-31'""");
        long adopted = sql("""
                select count(*) from research_recommendation r join org_unit o on o.id = r.org_id
                 where o.code = 'XJ' and r.proposed_on between '2025-01-01' and '2025-12-31' and r.status = 'ADOPTED'""");
        assertThat(proposed).isGreaterThanOrEqualTo(9);
        assertThat(adopted).isGreaterThanOrEqualTo(4);
        mvc.perform(get("/research").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(DEMO_TOPIC)))
                .andExpect(content().string(containsString("（" + adopted + "/" + proposed + "）")))
                .andExpect(content().string(containsString("新增课题")));
        mvc.perform(get("/research").param("q", "十五五").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本局“十五五”生态环境保护规划编制思路研究")))
                .andExpect(content().string(not(containsString(DEMO_TOPIC))));
        mvc.perform(get("/research/" + demoTopic).with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("X局发〔2025〕12号")))
                .andExpect(content().string(containsString("围绕“十四五”规划收官开展专题研讨")))
                .andExpect(content().string(containsString("采纳转化")));
    }

    @Test
    void adoptionSummaryIsAvailableToOtherModulesAndThroughTheApi() throws Exception {
        long xj = sql("select id from org_unit where code = 'XJ'");
        AdoptionSummary summary = api.adoption(xj, 2025);
        assertThat(summary.proposed()).isEqualTo(summary.adopted() + summary.notAdopted() + summary.pending());
        assertThat(summary.proposed()).isGreaterThanOrEqualTo(9);
        String json = read("/api/v1/orgs/XJ/research/years/2025/summary");
        assertThat(((Number) JsonPath.read(json, "$.adoption.proposed")).longValue())
                .isEqualTo(api.adoption(xj, 2025).proposed());
        assertThat(api.adoption(xj, 2019).rate()).isNull();
        InvestigationSummary investigations = api.investigations(xj, 2025);
        assertThat(investigations.themes()).isGreaterThanOrEqualTo(3);
        assertThat(investigations.selectionFinished()).isTrue();
    }

    // ---- topics and their discussions ----

    @Test
    void clerkSetsATopicLinksTheResearchSessionAndTheLinkShowsOnTheTopicPage() throws Exception {
        long topic = createTopic("推进减污降碳协同增效的路径研究");
        Map<String, Object> agenda = researchAgenda("2025-11-13");
        mvc.perform(post("/api/v1/research/topics/" + topic + "/discussions")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agendaItemId\":" + agenda.get("agenda_id") + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.discussions.length()").value(1))
                .andExpect(jsonPath("$.discussions[0].sessionDate").value("2025-11-13"))
                .andExpect(jsonPath("$.discussions[0].sessionStatus").value("HELD"));
        mvc.perform(post("/api/v1/research/topics/" + topic + "/discussions")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agendaItemId\":" + agenda.get("agenda_id") + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("该课题已关联这次学习"));
        mvc.perform(get("/research/" + topic).with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("深入学习“十五五”规划建议专题研讨")))
                .andExpect(content()
                        .string(containsString(
                                "value=\"" + researchAgenda("2025-07-10").get("agenda_id") + "\"")));
        assertThat(auditLines("研讨课题", topic)).isEqualTo(2);
    }

    @Test
    void onlyResearchTopicAgendaItemsOfTheTopicsYearCanBeLinked() throws Exception {
        long topic = createTopic("流域生态补偿机制研究");
        Long firstTopic = jdbc.sql("""
                        select min(a.id) from session_agenda_item a join session_study_session s on s.id = a.session_id
                         join org_unit o on o.id = s.org_id where o.code = 'XJ' and a.kind = 'FIRST_TOPIC'
                           and s.session_date = '2025-07-10'""").query(Long.class).single();
        mvc.perform(post("/api/v1/research/topics/" + topic + "/discussions")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agendaItemId\":" + firstTopic + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("只能关联学习中类型为“课题研讨”的议题，所选议题是“第一议题”"));
        mvc.perform(post("/research/" + topic + "/discussions")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("agendaItemId", "999999"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("discussionError", "未找到所选议题对应的学习，请在课题所属年度的学习中选择"));
    }

    @Test
    void clerkCreatesTopicsThroughThePagesWithFieldErrorsBesideTheFields() throws Exception {
        mvc.perform(get("/research/new").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("王建国")));
        mvc.perform(post("/research")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("year", "2025")
                        .param("title", "")
                        .param("keyTask", "")
                        .param("leadPersonId", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写课题名称")))
                .andExpect(content().string(containsString("请填写课题服务的重点任务")))
                .andExpect(content().string(containsString("请选择牵头领导")));
        mvc.perform(post("/research")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("year", "2025")
                        .param("title", "青年干部参与课题研究机制研究")
                        .param("keyTask", "加强年轻干部培养")
                        .param("leadPersonId", String.valueOf(person("郑一鸣"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("牵头领导须为2025年度中心组成员")));
        mvc.perform(post("/research")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("year", "2025")
                        .param("title", "青年干部参与课题研究机制研究")
                        .param("keyTask", "加强年轻干部培养")
                        .param("leadPersonId", String.valueOf(person("孙海燕"))))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/research/*"));
    }

    // ---- recommendations ----

    @Test
    void recommendationIsProposedAdoptedWithItsDocumentAndThenStaysAdopted() throws Exception {
        long topic = createTopic("生态环境数字化治理研究");
        long before = figureValue("research.adopted");
        long proposedBefore = figureValue("research.recommendations");
        long recommendation = propose(topic, "建设生态环境智慧监管平台", "2025-09-01");
        assertThat(figureValue("research.recommendations")).isEqualTo(proposedBefore + 1);

        mvc.perform(post("/api/v1/research/recommendations/" + recommendation + "/adopt")
                        .param("version", "0")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"measure\":\"印发平台建设方案\",\"documentNo\":\"\",\"adoptedOn\":\"2025-10-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors[?(@.field=='documentNo')].message").value("采纳须填写政策举措的文件文号"));
        mvc.perform(post("/api/v1/research/recommendations/" + recommendation + "/adopt")
                        .param("version", "0")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"measure\":\"印发平台建设方案\",\"documentNo\":\"X局发〔2025〕40号\","
                                + "\"adoptedOn\":\"2025-08-01\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("采纳日期不能早于建议提出日期（2025-09-01）"));
        mvc.perform(post("/api/v1/research/recommendations/" + recommendation + "/adopt")
                        .param("version", "0")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"measure\":\"印发平台建设方案\",\"documentNo\":\"X局发〔2025〕40号\","
                                + "\"adoptedOn\":\"2025-10-01\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ADOPTED"))
                .andExpect(jsonPath("$.documentNo").value("X局发〔2025〕40号"));
        assertThat(figureValue("research.adopted")).isEqualTo(before + 1);
        assertThat(evidence("research.adopted")).contains("X局发〔2025〕40号");

        mvc.perform(post("/api/v1/research/recommendations/" + recommendation + "/reject")
                        .param("version", String.valueOf(version(recommendation)))
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"改变主意\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("该建议已采纳转化，不能再作不予采纳处理"));
        mvc.perform(delete("/api/v1/research/recommendations/" + recommendation)
                        .with(clerk)
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("该建议已采纳转化，不能再删除"));
        assertThat(auditLines("对策建议", recommendation)).isEqualTo(2);
    }

    @Test
    void clerkAdoptsAndRejectsThroughThePagesAndTheTopicShowsItsRate() throws Exception {
        long topic = createTopic("固废资源化利用研究");
        long first = propose(topic, "建立一般工业固废综合利用激励机制", "2025-09-10");
        long second = propose(topic, "新建一座固废填埋场", "2025-09-10");

        mvc.perform(get("/research/recommendations/" + first + "/adopt").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("建立一般工业固废综合利用激励机制")));
        mvc.perform(post("/research/recommendations/" + first + "/adopt")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("measure", "")
                        .param("documentNo", "")
                        .param("adoptedOn", "2025-10-10"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("采纳须填写转化形成的政策举措")))
                .andExpect(content().string(containsString("采纳须填写政策举措的文件文号")));
        mvc.perform(post("/research/recommendations/" + first + "/adopt")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("measure", "出台固废综合利用奖补办法")
                        .param("documentNo", "X局发〔2025〕33号")
                        .param("adoptedOn", "2025-10-10"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/research/recommendations/" + second + "/reject")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("reason", "")
                        .param("decidedOn", "2025-10-10"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不予采纳须说明理由")));
        mvc.perform(post("/research/recommendations/" + second + "/reject")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("reason", "选址不符合国土空间规划")
                        .param("decidedOn", "2025-10-10"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/research/" + topic).with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("50%（直接转化 1 条 / 提出 2 条）")))
                .andExpect(content().string(containsString("X局发〔2025〕33号")))
                .andExpect(content().string(containsString("选址不符合国土空间规划")));
    }

    @Test
    void recommendationFormsValidateAndRefuseProposersOutsideTheOrganisation() throws Exception {
        mvc.perform(get("/research/" + demoTopic + "/recommendations/new").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("郑一鸣")));
        mvc.perform(post("/research/" + demoTopic + "/recommendations")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("content", "")
                        .param("proposerPersonId", "")
                        .param("proposedOn", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写建议内容")))
                .andExpect(content().string(containsString("请选择提出人")))
                .andExpect(content().string(containsString("请填写提出日期")));
        long unitPerson = jdbc.sql("""
                        select min(p.id) from org_person p join org_unit o on o.id = p.org_id where o.code = 'XJ-01'""").query(Long.class).single();
        mvc.perform(post("/api/v1/research/topics/" + demoTopic + "/recommendations")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"content\":\"建议\",\"proposerPersonId\":" + unitPerson
                                + ",\"proposedOn\":\"2025-09-01\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("提出人须为本单位在职人员"));
    }

    @Test
    void secondEditorWithAStaleVersionGetsAConflictAndLosesNothing() throws Exception {
        long topic = createTopic("冲突测试课题");
        long recommendation = propose(topic, "原始建议", "2025-09-01");
        mvc.perform(put("/api/v1/research/recommendations/" + recommendation)
                        .param("version", "0")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"content\":\"第一次修改\",\"proposerPersonId\":" + person("赵磊")
                                + ",\"proposedOn\":\"2025-09-01\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/research/recommendations/" + recommendation + "/adopt")
                        .param("version", "0")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"measure\":\"举措\",\"documentNo\":\"X局发〔2025〕50号\",\"adoptedOn\":\"2025-10-01\"}"))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/research/topics/" + topic)
                        .param("version", "7")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(topicJson("改名", person("王建国"))))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select content from research_recommendation where id = ?")
                        .param(recommendation)
                        .query(String.class)
                        .single())
                .isEqualTo("第一次修改");
        assertThat(jdbc.sql("select status from research_recommendation where id = ?")
                        .param(recommendation)
                        .query(String.class)
                        .single())
                .isEqualTo("PROPOSED");
    }

    @Test
    void editFormsOpenWithTheRecordsValuesAndTheListAnswersHtmxWithItsTable() throws Exception {
        long recommendation = jdbc.sql("""
                        select min(id) from research_recommendation where topic_id = ? and status = 'PROPOSED'""").param(demoTopic).query(Long.class).single();
        mvc.perform(get("/research/" + demoTopic + "/edit").with(clerk))
                .andExpect(status().isOk())
                // attribute values escape the Chinese quotation marks
                .andExpect(content().string(containsString("生态环境保护规划目标完成情况评估与短板分析")))
                .andExpect(content().string(containsString("规划目标任务全面收官")));
        mvc.perform(get("/research/recommendations/" + recommendation + "/edit").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("公众满意度调查")));
        mvc.perform(get("/research/recommendations/" + recommendation + "/reject")
                        .with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不予采纳理由")));
        mvc.perform(get("/research").header("HX-Request", "true").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(DEMO_TOPIC)))
                .andExpect(content().string(not(containsString("<html"))));
    }

    // ---- who may do what ----

    @Test
    void memberAndSuperiorReadButGet403OnClerkActions() throws Exception {
        long recommendation = jdbc.sql("""
                        select min(id) from research_recommendation where topic_id = ? and status = 'PROPOSED'""").param(demoTopic).query(Long.class).single();
        for (String reader : List.of("member", "superior", "leader")) {
            RequestPostProcessor user = as(accounts, reader);
            mvc.perform(get("/research/" + demoTopic).with(user))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(DEMO_TOPIC)))
                    .andExpect(content().string(not(containsString("/adopt"))));
            mvc.perform(get("/api/v1/research/recommendations/" + recommendation)
                            .with(user))
                    .andExpect(status().isOk());
            mvc.perform(get("/api/v1/orgs/XJ/research/topics")
                            .param("year", "2025")
                            .with(user))
                    .andExpect(status().isOk());
            mvc.perform(get("/research/new").with(user)).andExpect(status().isForbidden());
            mvc.perform(get("/research/recommendations/" + recommendation + "/adopt")
                            .with(user))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/research/recommendations/" + recommendation + "/adopt")
                            .with(user)
                            .with(csrf().asHeader())
                            .param("version", "0")
                            .param("measure", "举措")
                            .param("documentNo", "X局发〔2025〕99号")
                            .param("adoptedOn", "2025-10-01"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/orgs/XJ/research/topics")
                            .with(user)
                            .with(csrf().asHeader())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(topicJson("越权课题", person("王建国"))))
                    .andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("select status from research_recommendation where id = ?")
                        .param(recommendation)
                        .query(String.class)
                        .single())
                .isEqualTo("PROPOSED");
    }

    @Test
    void clerkOfASubordinateUnitGets404ForTheBureausTopicsAndChangesNothing() throws Exception {
        RequestPostProcessor unitClerk = as(accounts, "unitclerk");
        long recommendation = jdbc.sql("select min(id) from research_recommendation where topic_id = ?")
                .param(demoTopic)
                .query(Long.class)
                .single();
        mvc.perform(get("/research/" + demoTopic).with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(get("/research/" + demoTopic + "/edit").with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/research/topics/" + demoTopic).with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/research/recommendations/" + recommendation).with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orgs/XJ/research/topics").param("year", "2025").with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orgs/XJ/research/years/2025/summary").with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/research/topics/" + demoTopic)
                        .param("version", "0")
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(topicJson("改名", person("王建国"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/research/recommendations/" + recommendation + "/reject")
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("reason", "越权"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/orgs/XJ/research/topics")
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(topicJson("越权课题", person("王建国"))))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select title from research_topic where id = ?")
                        .param(demoTopic)
                        .query(String.class)
                        .single())
                .isEqualTo(DEMO_TOPIC);
    }

    // ---- figures ----

    @Test
    void researchFiguresAgreeWithTheirEvidenceAndWithPlainSql() throws Exception {
        long discussions = sql("""
                select count(*) from session_study_session s join org_unit o on o.id = s.org_id
                 where o.code = 'XJ' and s.status = 'HELD' and s.session_date between '2025-01-01' and '2025-12-31'
                   and exists (select 1 from session_agenda_item a where a.session_id = s.id and a.kind = 'RESEARCH_TOPIC')""");
        assertThat(figureValue("research.discussions"))
                .isEqualTo(discussions)
                .isEqualTo(evidenceCount("research.discussions"));
        assertThat(discussions).isGreaterThanOrEqualTo(2);
        assertThat(evidence("research.discussions")).contains("/sessions/").contains("“十四五”生态环境保护规划目标完成情况与短板");

        long recommendations = sql("""
                select count(*) from research_recommendation r join org_unit o on o.id = r.org_id
                 where o.code = 'XJ' and r.proposed_on between '2025-01-01' and '2025-12-31'""");
        assertThat(figureValue("research.recommendations"))
                .isEqualTo(recommendations)
                .isEqualTo(evidenceCount("research.recommendations"));
        long adopted = sql("""
                select count(*) from research_recommendation r join org_unit o on o.id = r.org_id
                 where o.code = 'XJ' and r.proposed_on between '2025-01-01' and '2025-12-31' and r.status = 'ADOPTED'""");
        assertThat(figureValue("research.adopted")).isEqualTo(adopted).isEqualTo(evidenceCount("research.adopted"));
        assertThat(evidence("research.adopted")).contains("X局发〔2025〕12号").contains("/research/" + demoTopic);

        String figures = read(FIGURES);
        assertThat(JsonPath.<List<String>>read(figures, "$[?(@.key=='org.field')].value"))
                .containsExactly("生态环境");
        assertThat(JsonPath.<List<String>>read(read(FIGURES + "/org.field/evidence"), "$[*].title"))
                .containsExactly("X局");
    }

    @Test
    void aYearWithoutResearchHasZeroCountsAndNoHighlight() throws Exception {
        String figures = read("/api/v1/orgs/XJ/years/2019/figures");
        assertThat(JsonPath.<List<Number>>read(figures, "$[?(@.key=='research.recommendations')].value"))
                .containsExactly(0);
        assertThat(JsonPath.<List<Object>>read(figures, "$[?(@.key=='investigation.highlightField')].value"))
                .containsOnlyNulls();
    }

    // ---- helpers ----

    long createTopic(String title) throws Exception {
        String created = mvc.perform(post("/api/v1/orgs/XJ/research/topics")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(topicJson(title, person("李明华"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.leadName").value("李明华"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    static String topicJson(String title, long lead) {
        return "{\"year\":2025,\"title\":\"" + title + "\",\"keyTask\":\"推动生态环境高质量发展\",\"leadPersonId\":" + lead + "}";
    }

    long propose(long topic, String content, String date) throws Exception {
        String created = mvc.perform(post("/api/v1/research/topics/" + topic + "/recommendations")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"content\":\"" + content + "\",\"proposerPersonId\":" + person("赵磊")
                                + ",\"proposedOn\":\"" + date + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PROPOSED"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    Map<String, Object> researchAgenda(String date) {
        return jdbc.sql("""
                        select s.id as session_id, a.id as agenda_id from session_agenda_item a
                          join session_study_session s on s.id = a.session_id join org_unit o on o.id = s.org_id
                         where o.code = 'XJ' and a.kind = 'RESEARCH_TOPIC' and s.session_date = ?""").param(LocalDate.parse(date)).query().singleRow();
    }

    long person(String name) {
        return jdbc.sql("""
                        select p.id from org_person p join org_unit o on o.id = p.org_id
                         where o.code = 'XJ' and p.name = ?""").param(name).query(Long.class).single();
    }

    long version(long recommendation) {
        return sql("select version from research_recommendation where id = " + recommendation);
    }

    long auditLines(String objectType, long id) {
        return jdbc.sql("select count(*) from common_audit_event where object_type = ? and object_id = ?")
                .param(objectType)
                .param(String.valueOf(id))
                .query(Long.class)
                .single();
    }

    long figureValue(String key) throws Exception {
        return ((List<Number>) JsonPath.read(read(FIGURES), "$[?(@.key=='" + key + "')].value"))
                .get(0)
                .longValue();
    }

    String evidence(String key) throws Exception {
        return read(FIGURES + "/" + key + "/evidence");
    }

    long evidenceCount(String key) throws Exception {
        return ((Number) JsonPath.read(evidence(key), "$.length()")).longValue();
    }

    String read(String url) throws Exception {
        return mvc.perform(get(url).with(clerk))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    long sql(String query) {
        return jdbc.sql(query).query(Long.class).single();
    }
}
