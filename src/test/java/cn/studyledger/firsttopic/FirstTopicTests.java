package cn.studyledger.firsttopic;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first topic through the pages and the API on the demo data: registering and linking items, the task
 * lifecycle, the overdue list, who may do what, optimistic locking, and the three figures against plain SQL.
 */
@IntegrationTest
@Transactional
class FirstTopicTests {

    static final String FIGURES = "/api/v1/orgs/XJ/years/2025/figures";
    static final String DEMO_OVERDUE_TASK = "完成重点流域水生态环境问题排查整治";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FirstTopicApi api;

    RequestPostProcessor clerk;
    long xjItem;
    long xjOverdueTask;

    @BeforeEach
    void demoRecords() {
        clerk = as(accounts, "clerk");
        xjItem = jdbc.sql(
                        "select min(i.id) from firsttopic_item i join org_unit o on o.id = i.org_id where o.code = 'XJ'")
                .query(Long.class)
                .single();
        xjOverdueTask = jdbc.sql("select id from firsttopic_task where title = ?")
                .param(DEMO_OVERDUE_TASK)
                .query(Long.class)
                .single();
    }

    // ---- register and study links ----

    @Test
    void clerkRegistersAnItemLinksItToAHeldSessionAndTheItemsFigureGrowsByOne() throws Exception {
        long before = figureValue("firsttopic.items");
        Map<String, Object> target = heldFirstTopicAgendaOnOrAfter(LocalDate.of(2025, 11, 1));
        String created = mvc.perform(post("/api/v1/orgs/XJ/firsttopic/items")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"习近平总书记关于生态环境保护督察工作的重要指示","publishedOn":"2025-11-01",
                                 "source":"上级通知","scope":"RESTRICTED"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.timeliness").value(org.hamcrest.Matchers.oneOf("PENDING", "OVERDUE")))
                .andExpect(jsonPath("$.studies.length()").value(0))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int id = JsonPath.read(created, "$.id");

        LocalDate sessionDate = date(target.get("session_date"));
        mvc.perform(post("/api/v1/firsttopic/items/" + id + "/studies")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agendaItemId\":" + target.get("agenda_id") + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.studies.length()").value(1))
                .andExpect(jsonPath("$.studies[0].sessionId").value(((Number) target.get("session_id")).intValue()))
                .andExpect(jsonPath("$.studies[0].sessionStatus").value("HELD"))
                .andExpect(jsonPath("$.firstStudiedOn").value(sessionDate.toString()))
                .andExpect(jsonPath("$.lagDays")
                        .value((int) ChronoUnit.DAYS.between(LocalDate.of(2025, 11, 1), sessionDate)));

        assertThat(figureValue("firsttopic.items")).isEqualTo(before + 1);
        assertThat(evidence("firsttopic.items")).contains("生态环境保护督察工作的重要指示");
        assertThat(auditLines("第一议题", id)).isEqualTo(2);
    }

    @Test
    void clerkRegistersAndLinksThroughThePages() throws Exception {
        mvc.perform(get("/firsttopic/new").with(clerk)).andExpect(status().isOk());
        String location = mvc.perform(post("/firsttopic")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("title", "习近平总书记在中央经济工作会议上的重要讲话（页面登记）")
                        .param("publishedOn", "2025-12-12")
                        .param("source", "新华社")
                        .param("scope", "NEWS_EXCERPT")
                        .param("link", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/firsttopic/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        Map<String, Object> target = heldFirstTopicAgendaOnOrAfter(LocalDate.of(2025, 12, 12));
        mvc.perform(get(location).with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("尚未关联学习记录")))
                .andExpect(content().string(containsString("value=\"" + target.get("agenda_id") + "\"")));
        mvc.perform(post(location + "/studies")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("agendaItemId", String.valueOf(target.get("agenda_id"))))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location).with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("按时学习")))
                .andExpect(content().string(not(containsString("尚未关联学习记录"))));
    }

    @Test
    void clerkDeploysAssignsReplansAndInspectsThroughThePages() throws Exception {
        long item = createItem("2025-09-03");
        mvc.perform(get("/firsttopic/" + item + "/deployments/new").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("登记研究部署")));
        mvc.perform(post("/firsttopic/" + item + "/deployments")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("decision", "")
                        .param("decidedOn", "2025-09-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写部署内容")));
        mvc.perform(post("/firsttopic/" + item + "/deployments")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("decision", "研究制定贯彻落实措施")
                        .param("decidedOn", "2025-09-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("部署日期不能早于议题发布日期")));
        mvc.perform(post("/firsttopic/" + item + "/deployments")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("decision", "研究制定贯彻落实措施")
                        .param("decidedOn", "2025-09-18"))
                .andExpect(status().is3xxRedirection());
        long deployment = jdbc.sql("select max(id) from firsttopic_deployment where item_id = ?")
                .param(item)
                .query(Long.class)
                .single();
        mvc.perform(get("/firsttopic/deployments/" + deployment + "/tasks/new").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("赵磊")));
        mvc.perform(post("/firsttopic/deployments/" + deployment + "/tasks")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("title", "")
                        .param("ownerPersonId", String.valueOf(owner()))
                        .param("dueOn", "2025-12-31"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写任务内容")));
        mvc.perform(post("/firsttopic/deployments/" + deployment + "/tasks")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("title", "组织专题宣讲")
                        .param("ownerPersonId", String.valueOf(owner()))
                        .param("dueOn", "2025-12-31"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/firsttopic/" + item));
        long task = jdbc.sql("select id from firsttopic_task where deployment_id = ?")
                .param(deployment)
                .query(Long.class)
                .single();
        mvc.perform(get("/firsttopic/" + item).with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("组织专题宣讲")));
        mvc.perform(get("/firsttopic/tasks/" + task + "/edit").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("组织专题宣讲")));
        mvc.perform(post("/firsttopic/tasks/" + task)
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(task)))
                        .param("title", "组织专题宣讲（两场）")
                        .param("ownerPersonId", String.valueOf(owner()))
                        .param("dueOn", "2025-09-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("完成时限不能早于部署日期")));
        mvc.perform(post("/firsttopic/tasks/" + task + "/inspections")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("inspectedOn", "2025-10-15")
                        .param("finding", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写督查发现")))
                .andExpect(content().string(containsString("请选择评价等次")));
        mvc.perform(post("/firsttopic/tasks/" + task + "/inspections")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("inspectedOn", "2025-10-15")
                        .param("finding", "宣讲稿已完成，待组织实施")
                        .param("rating", "FAIRLY_GOOD"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/firsttopic/" + item).with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("宣讲稿已完成，待组织实施")))
                .andExpect(content().string(containsString("较好")));
    }

    @Test
    void invalidItemIsRefusedWithFieldErrorsBesideTheFields() throws Exception {
        mvc.perform(post("/firsttopic")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("title", "")
                        .param("publishedOn", "2025-12-12")
                        .param("source", "")
                        .param("scope", "PUBLIC")
                        .param("link", "javascript:alert(1)"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写议题标题")))
                .andExpect(content().string(containsString("请填写来源")))
                .andExpect(content().string(containsString("链接须以 http:// 或 https:// 开头")));
        mvc.perform(post("/api/v1/orgs/XJ/firsttopic/items")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"publishedOn\":\"2025-12-12\",\"source\":\"新华社\",\"scope\":\"PUBLIC\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='title')].message").value("请填写议题标题"));
    }

    @Test
    void onlyFirstTopicAgendaItemsOfSessionsAfterThePublicationCanBeLinked() throws Exception {
        long item = createItem("2025-10-01");
        Long theory = jdbc.sql("""
                        select min(a.id) from session_agenda_item a join session_study_session s on s.id = a.session_id
                         join org_unit o on o.id = s.org_id
                         where o.code = 'XJ' and a.kind = 'THEORY' and s.session_date >= '2025-10-01'""").query(Long.class).single();
        mvc.perform(post("/api/v1/firsttopic/items/" + item + "/studies")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agendaItemId\":" + theory + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("只能关联学习中类型为“第一议题”的议题")));
        Map<String, Object> early = jdbc.sql("""
                        select s.id as session_id, a.id as agenda_id from session_agenda_item a
                          join session_study_session s on s.id = a.session_id join org_unit o on o.id = s.org_id
                         where o.code = 'XJ' and a.kind = 'FIRST_TOPIC' and s.session_date = '2025-09-18'""").query().singleRow();
        mvc.perform(post("/api/v1/firsttopic/items/" + item + "/studies")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sessionId\":" + early.get("session_id") + ",\"agendaItemId\":"
                                + early.get("agenda_id") + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("早于议题的发布日期")));
    }

    @Test
    void demoRegisterShowsTheLateAndTheUnstudiedItems() throws Exception {
        String page = mvc.perform(get("/api/v1/orgs/XJ/firsttopic/items")
                        .param("year", "2025")
                        .param("size", "100")
                        .with(clerk))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Integer> lateLags = JsonPath.read(page, "$.items[?(@.timeliness=='LATE')].lagDays");
        assertThat(lateLags).anySatisfy(lag -> assertThat(lag).isGreaterThanOrEqualTo(40));
        List<String> unstudiedDecember =
                JsonPath.read(page, "$.items[?(@.studies==0 && @.publishedOn=~/2025-12-.*/)].title");
        assertThat(unstudiedDecember).contains("习近平总书记对生态环境保护工作作出的重要指示");
        mvc.perform(get("/firsttopic").param("year", "2025").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("超30天学习")))
                .andExpect(content().string(containsString("table-warning")));
        mvc.perform(get("/firsttopic").param("year", "all").param("q", "民主生活会").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2024-12-27")));
    }

    // ---- deployments, tasks, inspections ----

    @Test
    void clerkDeploysAssignsAndCompletesATaskWhichThenCannotBeCancelled() throws Exception {
        long item = createItem("2025-09-03");
        long task = createTask(item, "2025-12-31");
        long version = version(task);

        mvc.perform(post("/api/v1/firsttopic/tasks/" + task + "/complete")
                        .param("version", String.valueOf(version))
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"evidence\":\"\",\"doneOn\":\"2025-12-20\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='evidence')].message").value("办结任务须填写落实情况说明（佐证材料）"));
        mvc.perform(post("/firsttopic/tasks/" + task + "/complete")
                        .param("version", String.valueOf(version))
                        .param("evidence", "")
                        .param("doneOn", "2025-12-20")
                        .with(clerk)
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("办结任务须填写落实情况说明（佐证材料）")));

        mvc.perform(multipart("/firsttopic/tasks/" + task + "/complete")
                        .file(new MockMultipartFile(
                                "file", "落实情况.txt", "text/plain", "已印发实施方案".getBytes(StandardCharsets.UTF_8)))
                        .param("version", String.valueOf(version))
                        .param("evidence", "实施方案已印发，分解为12项具体措施")
                        .param("doneOn", "2025-12-20")
                        .with(clerk)
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/firsttopic/tasks/" + task).with(clerk))
                .andExpect(jsonPath("$.task.status").value("DONE"))
                .andExpect(jsonPath("$.task.doneOnTime").value(true))
                .andExpect(jsonPath("$.evidence").value("实施方案已印发，分解为12项具体措施"))
                .andExpect(jsonPath("$.evidenceFileName").value("落实情况.txt"));
        mvc.perform(get("/firsttopic/tasks/" + task + "/evidence").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().bytes("已印发实施方案".getBytes(StandardCharsets.UTF_8)));
        mvc.perform(get("/firsttopic/tasks/" + task + "/evidence").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());

        mvc.perform(post("/api/v1/firsttopic/tasks/" + task + "/cancel")
                        .param("version", String.valueOf(version(task)))
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"不再需要\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("该任务已办结，不能撤销"));

        mvc.perform(post("/api/v1/firsttopic/tasks/" + task + "/inspections")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inspectedOn\":\"2025-12-28\",\"finding\":\"方案落实到位\",\"rating\":\"GOOD\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rating").value("GOOD"));
        mvc.perform(get("/firsttopic/tasks/" + task).with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("方案落实到位")));
        assertThat(auditLines("落实任务", task)).isEqualTo(2);
    }

    @Test
    void cancellingAnOpenTaskNeedsAReasonAndTakesItOutOfTheClosureRate() throws Exception {
        long item = createItem("2025-09-03");
        long denominator = figureDenominator("firsttopic.closureRate");
        long task = createTask(item, "2025-12-30");
        assertThat(figureDenominator("firsttopic.closureRate")).isEqualTo(denominator + 1);
        mvc.perform(post("/firsttopic/tasks/" + task + "/cancel")
                        .param("version", String.valueOf(version(task)))
                        .param("reason", "")
                        .with(clerk)
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("撤销任务须说明原因")));
        mvc.perform(post("/firsttopic/tasks/" + task + "/cancel")
                        .param("version", String.valueOf(version(task)))
                        .param("reason", "并入年度行动方案统一推进")
                        .with(clerk)
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        assertThat(figureDenominator("firsttopic.closureRate")).isEqualTo(denominator);
    }

    @Test
    void taskOwnerMustBeAnActivePersonOfTheOrganisation() throws Exception {
        long item = createItem("2025-09-03");
        long deployment = createDeployment(item);
        long otherOrgsPerson = jdbc.sql(
                        "select min(p.id) from org_person p join org_unit o on o.id = p.org_id where o.code = 'XJ-01'")
                .query(Long.class)
                .single();
        mvc.perform(post("/api/v1/firsttopic/deployments/" + deployment + "/tasks")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"任务\",\"ownerPersonId\":" + otherOrgsPerson
                                + ",\"dueOn\":\"2025-12-31\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("责任人须为本单位在职人员"));
    }

    @Test
    void overdueListContainsTheDemoOverdueTaskAndNothingOpenNotYetDue() throws Exception {
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/firsttopic/overdue").with(clerk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.title=='" + DEMO_OVERDUE_TASK + "')].dueOn")
                        .value("2025-11-30"))
                .andExpect(jsonPath("$[*].overdue", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(true))))
                .andExpect(jsonPath("$[*].status", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("OPEN"))))
                .andExpect(content().string(not(containsString("“十五五”生态环境保护规划（征求意见稿）"))));
        mvc.perform(get("/firsttopic/tasks").param("overdue", "true").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(DEMO_OVERDUE_TASK)))
                .andExpect(content().string(containsString("table-danger")))
                .andExpect(content().string(not(containsString("征求意见稿"))));
        mvc.perform(get("/firsttopic/tasks").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("征求意见稿")))
                .andExpect(content().string(containsString("逾期办结")));
        mvc.perform(get("/firsttopic/tasks/" + xjOverdueTask).with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"task-overdue\"")));
    }

    @Test
    void otherModulesSeeTheOverdueTasksAndTheOpenTasksOfAnOwner() {
        long xj = jdbc.sql("select id from org_unit where code = 'XJ'")
                .query(Long.class)
                .single();
        assertThat(api.overdueTasks(xj))
                .anySatisfy(t -> {
                    assertThat(t.title()).isEqualTo(DEMO_OVERDUE_TASK);
                    assertThat(t.itemTitle()).contains("美丽中国建设");
                    assertThat(t.overdue()).isTrue();
                })
                .allSatisfy(t -> assertThat(t.orgId()).isEqualTo(xj));
        long yangLi = jdbc.sql("select id from org_person where name = '杨丽'")
                .query(Long.class)
                .single();
        assertThat(api.openTasksOwnedBy(yangLi))
                .extracting(FollowUpSummary::title)
                .contains(DEMO_OVERDUE_TASK);
    }

    // ---- who may do what ----

    @Test
    void memberAndSuperiorReadButGet403OnClerkActions() throws Exception {
        for (String reader : new String[] {"member", "superior", "leader"}) {
            var user = as(accounts, reader);
            mvc.perform(get("/firsttopic").with(user)).andExpect(status().isOk());
            mvc.perform(get("/firsttopic/" + xjItem).with(user))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("/firsttopic/" + xjItem + "/edit"))));
            mvc.perform(get("/firsttopic/tasks").with(user)).andExpect(status().isOk());
            mvc.perform(get("/firsttopic/tasks/" + xjOverdueTask).with(user))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("complete-task"))));
            mvc.perform(get("/api/v1/orgs/XJ/years/2025/firsttopic/overdue").with(user))
                    .andExpect(status().isOk());
        }
        var member = as(accounts, "member");
        mvc.perform(get("/firsttopic/new").with(member)).andExpect(status().isForbidden());
        mvc.perform(get("/firsttopic/" + xjItem + "/edit").with(member)).andExpect(status().isForbidden());
        mvc.perform(post("/firsttopic").with(member).with(csrf().asHeader()).param("title", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/firsttopic/tasks/" + xjOverdueTask + "/complete")
                        .with(member)
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("evidence", "越权办结")
                        .param("doneOn", "2025-12-01"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/firsttopic/tasks/" + xjOverdueTask + "/complete")
                        .param("version", "0")
                        .with(member)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"evidence\":\"越权办结\",\"doneOn\":\"2025-12-01\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://studyledger.cn/problems/forbidden"));
        mvc.perform(
                        post("/api/v1/orgs/XJ/firsttopic/items")
                                .with(as(accounts, "superior"))
                                .with(csrf().asHeader())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"title\":\"上级\",\"publishedOn\":\"2025-12-12\",\"source\":\"新华社\",\"scope\":\"PUBLIC\"}"))
                .andExpect(status().isForbidden());
        assertThat(taskStatus(xjOverdueTask)).isEqualTo("OPEN");
    }

    @Test
    void clerkOfASubordinateUnitGets404ForTheBureausItemsAndTasksAndChangesNothing() throws Exception {
        var unitClerk = as(accounts, "unitclerk");
        long version = version(xjOverdueTask);
        mvc.perform(get("/firsttopic/" + xjItem).with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(get("/firsttopic/" + xjItem + "/edit").with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(get("/firsttopic/tasks/" + xjOverdueTask).with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(post("/firsttopic/tasks/" + xjOverdueTask + "/complete")
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version))
                        .param("evidence", "越权办结")
                        .param("doneOn", "2025-12-01"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/firsttopic/" + xjItem + "/studies")
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .param("agendaItemId", "1"))
                .andExpect(status().isNotFound());

        mvc.perform(get("/api/v1/orgs/XJ/firsttopic/items").with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/firsttopic/items/" + xjItem).with(unitClerk))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://studyledger.cn/problems/not-found"));
        mvc.perform(
                        put("/api/v1/firsttopic/items/" + xjItem)
                                .param("version", "0")
                                .with(unitClerk)
                                .with(csrf().asHeader())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"title\":\"越权\",\"publishedOn\":\"2025-12-12\",\"source\":\"新华社\",\"scope\":\"PUBLIC\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(
                        post("/api/v1/orgs/XJ/firsttopic/items")
                                .with(unitClerk)
                                .with(csrf().asHeader())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"title\":\"越权\",\"publishedOn\":\"2025-12-12\",\"source\":\"新华社\",\"scope\":\"PUBLIC\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/firsttopic/tasks/" + xjOverdueTask).with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/firsttopic/tasks/" + xjOverdueTask + "/complete")
                        .param("version", String.valueOf(version))
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"evidence\":\"越权办结\",\"doneOn\":\"2025-12-01\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/firsttopic/tasks/" + xjOverdueTask + "/cancel")
                        .param("version", String.valueOf(version))
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"越权撤销\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/firsttopic/tasks/" + xjOverdueTask + "/inspections")
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inspectedOn\":\"2025-12-01\",\"finding\":\"越权\",\"rating\":\"POOR\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/firsttopic/overdue").with(unitClerk))
                .andExpect(status().isNotFound());

        assertThat(taskStatus(xjOverdueTask)).isEqualTo("OPEN");
        assertThat(version(xjOverdueTask)).isEqualTo(version);
        mvc.perform(get("/firsttopic").with(unitClerk))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("民主生活会"))));
    }

    @Test
    void secondEditorWithAStaleVersionGetsAConflictAndLosesNothing() throws Exception {
        long item = createItem("2025-08-01");
        long version = jdbc.sql("select version from firsttopic_item where id = ?")
                .param(item)
                .query(Long.class)
                .single();
        String body = "{\"title\":\"%s\",\"publishedOn\":\"2025-08-01\",\"source\":\"新华社\",\"scope\":\"PUBLIC\"}";
        mvc.perform(put("/api/v1/firsttopic/items/" + item)
                        .param("version", String.valueOf(version))
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted("第一位编辑")))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/firsttopic/items/" + item)
                        .param("version", String.valueOf(version))
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted("第二位编辑")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("已被他人修改")));
        mvc.perform(get("/api/v1/firsttopic/items/" + item).with(clerk))
                .andExpect(jsonPath("$.title").value("第一位编辑"));

        long task = createTask(item, "2025-12-31");
        long taskVersion = version(task);
        mvc.perform(put("/api/v1/firsttopic/tasks/" + task)
                        .param("version", String.valueOf(taskVersion))
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"改过的任务\",\"ownerPersonId\":" + owner() + ",\"dueOn\":\"2025-12-30\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/firsttopic/tasks/" + task + "/complete")
                        .param("version", String.valueOf(taskVersion))
                        .param("evidence", "按旧页面办结")
                        .param("doneOn", "2025-12-20")
                        .with(clerk)
                        .with(csrf().asHeader()))
                .andExpect(status().isConflict());
        assertThat(taskStatus(task)).isEqualTo("OPEN");
    }

    // ---- figures ----

    @Test
    void theThreeFiguresAgreeWithTheirEvidenceAndWithPlainSql() throws Exception {
        String figures = read(FIGURES);
        int items = ((List<Integer>) JsonPath.read(figures, "$[?(@.key=='firsttopic.items')].value")).get(0);
        assertThat(JsonPath.<List<?>>read(read(FIGURES + "/firsttopic.items/evidence"), "$"))
                .hasSize(items);
        assertThat((long) items).isEqualTo(sql("""
                        select count(distinct st.item_id) from firsttopic_study st
                          join firsttopic_item i on i.id = st.item_id
                          join session_study_session s on s.id = st.session_id
                          join org_unit o on o.id = i.org_id
                         where o.code = 'XJ' and s.org_id = i.org_id and s.status = 'HELD'
                           and s.session_date between '2025-01-01' and '2025-12-31'""")).isGreaterThanOrEqualTo(12);

        int numerator =
                ((List<Integer>) JsonPath.read(figures, "$[?(@.key=='firsttopic.closureRate')].numerator")).get(0);
        int denominator =
                ((List<Integer>) JsonPath.read(figures, "$[?(@.key=='firsttopic.closureRate')].denominator")).get(0);
        assertThat(JsonPath.<List<?>>read(read(FIGURES + "/firsttopic.closureRate/evidence"), "$"))
                .hasSize(numerator);
        String tasks = """
                select count(*) from firsttopic_task t join org_unit o on o.id = t.org_id
                 where o.code = 'XJ' and t.due_on between '2025-01-01' and '2025-12-31' and t.status <> 'CANCELLED'""";
        assertThat((long) denominator).isEqualTo(sql(tasks));
        assertThat((long) numerator).isEqualTo(sql(tasks + " and t.status = 'DONE' and t.done_on <= t.due_on"));
        assertThat(numerator).isLessThan(denominator);

        List<Map<String, Object>> firstStudies = jdbc.sql("""
                        select i.id, i.published_on, min(s.session_date) as first_study
                          from firsttopic_item i join org_unit o on o.id = i.org_id
                          join firsttopic_study st on st.item_id = i.id
                          join session_study_session s on s.id = st.session_id and s.status = 'HELD'
                         where o.code = 'XJ' group by i.id, i.published_on""").query().listOfRows();
        List<Long> lags = firstStudies.stream()
                .filter(r -> date(r.get("first_study")).getYear() == 2025)
                .map(r -> ChronoUnit.DAYS.between(date(r.get("published_on")), date(r.get("first_study"))))
                .sorted()
                .toList();
        String lagEvidence = read(FIGURES + "/firsttopic.medianLagDays/evidence");
        assertThat(JsonPath.<List<?>>read(lagEvidence, "$")).hasSize(lags.size());
        assertThat(lagEvidence).contains("超过30天");
        int n = lags.size();
        BigDecimal median = BigDecimal.valueOf(lags.get((n - 1) / 2) + lags.get(n / 2))
                .divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
        BigDecimal value =
                new BigDecimal(JsonPath.<List<Object>>read(figures, "$[?(@.key=='firsttopic.medianLagDays')].value")
                        .get(0)
                        .toString());
        assertThat(value).isEqualByComparingTo(median);
        assertThat(JsonPath.<List<String>>read(figures, "$[?(@.key=='firsttopic.medianLagDays')].unit"))
                .containsExactly("天");
    }

    @Test
    void figuresOfAYearWithoutFirstTopicRecordsHaveNoMedianAndNoRate() throws Exception {
        String figures = read("/api/v1/orgs/XJ/years/2019/figures");
        assertThat(JsonPath.<List<Object>>read(figures, "$[?(@.key=='firsttopic.items')].value"))
                .containsExactly(0);
        assertThat(JsonPath.<List<Object>>read(figures, "$[?(@.key=='firsttopic.medianLagDays')].value"))
                .containsExactly((Object) null);
        assertThat(JsonPath.<List<Object>>read(figures, "$[?(@.key=='firsttopic.closureRate')].value"))
                .containsExactly((Object) null);
    }

    // ---- helpers ----

    long createItem(String publishedOn) throws Exception {
        String created = mvc.perform(post("/api/v1/orgs/XJ/firsttopic/items")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"测试议题\",\"publishedOn\":\"" + publishedOn
                                + "\",\"source\":\"新华社\",\"scope\":\"PUBLIC\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    long createDeployment(long item) throws Exception {
        String created = mvc.perform(post("/api/v1/firsttopic/items/" + item + "/deployments")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\":\"研究制定贯彻落实措施\",\"decidedOn\":\"2025-09-18\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    long createTask(long item, String dueOn) throws Exception {
        long deployment = createDeployment(item);
        String created = mvc.perform(post("/api/v1/firsttopic/deployments/" + deployment + "/tasks")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"title\":\"制定实施方案\",\"ownerPersonId\":" + owner() + ",\"dueOn\":\"" + dueOn + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    long owner() {
        return jdbc.sql("select id from org_person where name = '赵磊'")
                .query(Long.class)
                .single();
    }

    long version(long task) {
        return jdbc.sql("select version from firsttopic_task where id = ?")
                .param(task)
                .query(Long.class)
                .single();
    }

    String taskStatus(long task) {
        return jdbc.sql("select status from firsttopic_task where id = ?")
                .param(task)
                .query(String.class)
                .single();
    }

    long auditLines(String objectType, long id) {
        return jdbc.sql("select count(*) from common_audit_event where object_type = ? and object_id = ?")
                .param(objectType)
                .param(String.valueOf(id))
                .query(Long.class)
                .single();
    }

    Map<String, Object> heldFirstTopicAgendaOnOrAfter(LocalDate from) {
        return jdbc.sql("""
                        select s.id as session_id, a.id as agenda_id, s.session_date from session_agenda_item a
                          join session_study_session s on s.id = a.session_id join org_unit o on o.id = s.org_id
                         where o.code = 'XJ' and a.kind = 'FIRST_TOPIC' and s.status = 'HELD' and s.session_date >= ?
                         order by s.session_date, a.id""").param(from).query().listOfRows().get(0);
    }

    long figureValue(String key) throws Exception {
        return ((List<Number>) JsonPath.read(read(FIGURES), "$[?(@.key=='" + key + "')].value"))
                .get(0)
                .longValue();
    }

    long figureDenominator(String key) throws Exception {
        return ((List<Number>) JsonPath.read(read(FIGURES), "$[?(@.key=='" + key + "')].denominator"))
                .get(0)
                .longValue();
    }

    String evidence(String key) throws Exception {
        return read(FIGURES + "/" + key + "/evidence");
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

    static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
