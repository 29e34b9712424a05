package cn.studyledger.supervision;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import cn.studyledger.tracking.WorkingCalendar;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision through the pages and the API on the demo year: the plan and its coverage, one visit through all
 * three stages to its closed rectification, the deadlines, who sees and does what (a unit's clerk only its own
 * visits, observers act, superiors read, members nothing), the shared overdue list and the two figures against
 * plain SQL.
 */
@IntegrationTest
@Transactional
class SupervisionTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String OVERDUE_ITEM = "制定学习成果转化清单，推动研讨成果运用到规划编制中";
    static final String OVERDUE_TASK = "完成重点流域水生态环境问题排查整治";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkingCalendar calendar;

    RequestPostProcessor clerk;
    RequestPostProcessor unitClerk;
    RequestPostProcessor observer;
    long unit01Visit;
    long unit02Visit;
    long unit06Visit;

    @BeforeEach
    void demoRecords() {
        clerk = as(accounts, "clerk");
        unitClerk = as(accounts, "unitclerk");
        observer = as(accounts, "observer");
        unit01Visit = demoVisit("XJ-01");
        unit02Visit = demoVisit("XJ-02");
        unit06Visit = demoVisit("XJ-06");
    }

    // ---- the plan and the figures ----

    @Test
    void planPageShowsTheYearsVisitsTheirFlagsAndCoverageOfFiveUnitsOutOfSix() throws Exception {
        mvc.perform(get("/supervision").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"coverage-visited\">5<")))
                .andExpect(content().string(containsString("id=\"coverage-total\">6<")))
                .andExpect(content().string(containsString("尚未全覆盖")))
                .andExpect(content().string(containsString("学习贯彻中央经济工作会议精神")))
                .andExpect(content().string(containsString("逾期未报")))
                .andExpect(content().string(containsString("小结逾期")))
                .andExpect(content().string(containsString("id=\"new-visit\"")));
        mvc.perform(get("/supervision")
                        .param("stage", "CLOSED")
                        .header("HX-Request", "true")
                        .with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("学习贯彻全国两会精神")))
                .andExpect(content().string(not(containsString("学习贯彻中央经济工作会议精神"))));
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/supervision/coverage").with(clerk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units.length()").value(6))
                .andExpect(jsonPath("$.units[5].unitCode").value("XJ-06"))
                .andExpect(jsonPath("$.units[5].status").value("PLANNED"));
    }

    @Test
    void visitAndCoverageFiguresAgreeWithTheirEvidenceAndWithPlainSql() throws Exception {
        String figures = mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures").with(clerk))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Number> visitValues = JsonPath.read(figures, "$[?(@.key == 'supervision.visits')].value");
        int visits = visitValues.get(0).intValue();
        List<Integer> numerator = JsonPath.read(figures, "$[?(@.key == 'supervision.coverage')].numerator");
        List<Integer> denominator = JsonPath.read(figures, "$[?(@.key == 'supervision.coverage')].denominator");

        long completed = sql("""
                select count(*) from supervision_visit v join org_unit o on o.id = v.superior_org_id
                 where o.code = 'XJ' and v.stage in ('SUMMARISED', 'CLOSED')
                   and v.planned_on between date '2025-01-01' and date '2025-12-31'""");
        long unitsVisited = sql("""
                select count(distinct v.unit_org_id) from supervision_visit v join org_unit o on o.id = v.superior_org_id
                 join org_unit u on u.id = v.unit_org_id
                 where o.code = 'XJ' and u.active = true and v.stage in ('SUMMARISED', 'CLOSED')
                   and v.planned_on between date '2025-01-01' and date '2025-12-31'""");
        long units = sql("""
                select count(*) from org_unit u join org_unit o on o.id = u.parent_id
                 where o.code = 'XJ' and u.active = true""");
        assertThat(visits).isEqualTo(completed).isEqualTo(5);
        assertThat(numerator.get(0).longValue()).isEqualTo(unitsVisited).isEqualTo(5);
        assertThat(denominator.get(0).longValue()).isEqualTo(units).isEqualTo(6);

        mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures/supervision.visits/evidence")
                        .with(clerk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value((int) completed))
                .andExpect(jsonPath("$[*].url", everyItem(containsString("/supervision/visits/"))));
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures/supervision.coverage/evidence")
                        .with(clerk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value((int) unitsVisited))
                .andExpect(jsonPath("$[*].title", not(hasItem("X局机关服务中心党支部"))));
    }

    // ---- one visit from plan to closed rectification ----

    @Test
    void oneVisitGoesFromThePlanThroughThreeStagesToAClosedRectification() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        LocalDate session = today.plusDays(21);
        long zhangWei = personId("张伟");
        String created = mvc.perform(post("/api/v1/orgs/XJ/supervision/visits")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitCode\":\"XJ-01\",\"plannedOn\":\"" + session
                                + "\",\"sessionTitle\":\"测试：学习贯彻全会精神\",\"place\":\"会议室\",\"observerPersonIds\":["
                                + zhangWei + "]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.stage").value("PLANNED"))
                .andExpect(jsonPath("$.materialsDueOn")
                        .value(calendar.before(session, 5).toString()))
                .andExpect(jsonPath("$.summaryDueOn")
                        .value(calendar.after(session, 10).toString()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();

        // stage 1: the unit submits, the observers return, the unit resubmits, the observers approve
        submit(id, unitClerk, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("MATERIALS_SUBMITTED"));
        observerDecides(id, "return", "{\"comment\":\"请明确重点发言人员\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("RETURNED"));
        submit(id, unitClerk, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.materials.length()").value(2));
        observerDecides(id, "approve", "{\"comment\":\"同意\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("APPROVED"));

        // stage 2: not before the session day
        observerDecides(id, "observation", "{\"notes\":\"现场记录\",\"scores\":[90,90,80,85,88]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("或之后登记")));
        sessionDayArrives(id, today);
        observerDecides(id, "observation", "{\"notes\":\"现场记录\",\"scores\":[90,90]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("请按5项评价指标逐项评分"));
        observerDecides(id, "observation", "{\"notes\":\"领学到位，研讨深入。\",\"scores\":[90,90,80,85,88]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("OBSERVED"))
                // (90×20 + 90×25 + 80×25 + 85×15 + 88×15) / 100 = 86.5
                .andExpect(jsonPath("$.weightedScore").value(86.5));

        // stage 3: at most 500 characters
        String long200 = "很".repeat(200);
        observerDecides(
                        id,
                        "summary",
                        "{\"overall\":\"" + long200 + "\",\"highlights\":\"" + long200 + "\",\"problems\":\""
                                + "问".repeat(101) + "\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("小结三部分合计不能超过500字（现为501字）"));
        observerDecides(id, "summary", "{\"overall\":\"组织规范\",\"highlights\":\"联系实际\",\"problems\":\"记录简略\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("SUMMARISED"))
                .andExpect(jsonPath("$.summaryLate").value(false));

        // rectification: raised by the observers, done by the unit, closed by the observers
        long owner = jdbc.sql("""
                        select min(p.id) from org_person p join org_unit o on o.id = p.org_id where o.code = 'XJ-01'""").query(Long.class).single();
        mvc.perform(post("/api/v1/supervision/visits/" + id + "/rectifications")
                        .with(observer)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"完善学习记录\",\"ownerPersonId\":" + zhangWei + ",\"dueOn\":\""
                                + today.plusDays(30) + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("整改责任人须为被旁听单位的在职人员"));
        String raised = mvc.perform(post("/api/v1/supervision/visits/" + id + "/rectifications")
                        .with(observer)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"完善学习记录\",\"ownerPersonId\":" + owner + ",\"dueOn\":\""
                                + today.plusDays(30) + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("OPEN"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long item = ((Number) JsonPath.read(raised, "$.id")).longValue();
        mvc.perform(post("/api/v1/supervision/visits/" + id + "/close")
                        .param("version", String.valueOf(visitVersion(id)))
                        .with(observer)
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("还有整改事项未销号或撤销，不能办结"));
        mvc.perform(post("/api/v1/supervision/rectifications/" + item + "/complete")
                        .param("version", String.valueOf(itemVersion(item)))
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"evidence\":\"已修订学习记录模板\",\"doneOn\":\"" + today + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("AWAITING_CLOSURE"));
        mvc.perform(post("/api/v1/supervision/rectifications/" + item + "/close")
                        .param("version", String.valueOf(itemVersion(item)))
                        .with(unitClerk)
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/supervision/rectifications/" + item + "/close")
                        .param("version", String.valueOf(itemVersion(item)))
                        .with(observer)
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CLOSED"));
        mvc.perform(post("/api/v1/supervision/visits/" + id + "/close")
                        .param("version", String.valueOf(visitVersion(id)))
                        .with(observer)
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("CLOSED"));

        assertThat(sql("select count(*) from common_audit_event where object_type = '旁听安排' and object_id = '" + id
                        + "'"))
                .isGreaterThanOrEqualTo(8);
        mvc.perform(get("/api/v1/orgs/XJ/years/" + today.getYear() + "/figures/supervision.visits/evidence")
                        .with(clerk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) id)));
        mvc.perform(get("/supervision/visits/" + id).with(unitClerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已销号")))
                .andExpect(content().string(containsString("已办结")));
    }

    @Test
    void materialsLaterThanFiveWorkingDaysBeforeTheSessionAreRefusedWithTheDeadline() throws Exception {
        LocalDate tomorrow = LocalDate.now(ZONE).plusDays(1);
        String created = mvc.perform(post("/api/v1/orgs/XJ/supervision/visits")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitCode\":\"XJ-01\",\"plannedOn\":\"" + tomorrow
                                + "\",\"sessionTitle\":\"临时安排的学习\",\"observerPersonIds\":[" + personId("刘芳") + "]}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        submit(id, unitClerk, true)
                .andExpect(status().isUnprocessableContent())
                .andExpect(
                        jsonPath("$.detail").value(containsString("报送截止日为 " + calendar.before(tomorrow, 5) + "（含当日")))
                .andExpect(jsonPath("$.detail").value(containsString("已超过报送期限")));
        mvc.perform(get("/supervision/visits/" + id).with(unitClerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"materials-late\"")));
        mvc.perform(delete("/api/v1/supervision/visits/" + id)
                        .param("version", String.valueOf(visitVersion(id)))
                        .with(clerk)
                        .with(csrf().asHeader()))
                .andExpect(status().isNoContent());
        assertThat(sql("select count(*) from supervision_visit where id = " + id))
                .isZero();
    }

    @Test
    void visitIsPlannedThroughThePagesAndAnInvalidOneIsRefusedBesideTheFields() throws Exception {
        mvc.perform(get("/supervision/visits/new").with(clerk)).andExpect(status().isOk());
        mvc.perform(post("/supervision/visits")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("unitCode", "XJ-02"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写学习主题")))
                .andExpect(content().string(containsString("请至少安排一名旁听人员")));
        mvc.perform(post("/supervision/visits")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("unitCode", "XJ-99")
                        .param("plannedOn", "2025-12-30")
                        .param("sessionTitle", "越级")
                        .param("observerPersonIds", String.valueOf(personId("张伟"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("被旁听单位须为本单位的下级单位")));
    }

    // ---- who sees and does what ----

    @Test
    void clerkOfASubordinateUnitSeesAndAnswersOnlyItsOwnUnitsVisits() throws Exception {
        mvc.perform(get("/supervision/visits/" + unit02Visit).with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/supervision/visits/" + unit02Visit).with(unitClerk))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://studyledger.cn/problems/not-found"));
        mvc.perform(get("/supervision/visits/" + unit02Visit + "/files/" + firstFile(unit02Visit))
                        .with(unitClerk))
                .andExpect(status().isNotFound());
        submit(unit06Visit, unitClerk, true).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/supervision/visits").with(unitClerk))
                .andExpect(status().isNotFound());

        mvc.perform(get("/api/v1/orgs/XJ-01/years/2025/supervision/visits").with(unitClerk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].unitCode", everyItem(is("XJ-01"))))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) unit01Visit)));
        mvc.perform(get("/supervision").with(unitClerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("学习贯彻全国两会精神")))
                .andExpect(content().string(not(containsString("深入贯彻中央八项规定精神学习教育专题研讨"))))
                .andExpect(content().string(not(containsString("id=\"new-visit\""))));
        mvc.perform(get("/supervision/visits/" + unit01Visit).with(unitClerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("学习材料汇编.txt")));
        mvc.perform(get("/supervision/visits/" + unit01Visit + "/files/" + firstFile(unit01Visit))
                        .with(unitClerk))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", containsString("attachment")));
        observerDecides(unit01Visit, "approve", "{}", unitClerk).andExpect(status().isForbidden());
    }

    @Test
    void observersActOnTheVisitsOfUnitsInTheirScopeButDoNotPlan() throws Exception {
        mvc.perform(get("/supervision").with(observer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"coverage-visited\">5<")))
                .andExpect(content().string(not(containsString("id=\"new-visit\""))));
        mvc.perform(get("/supervision/visits/" + unit02Visit).with(observer)).andExpect(status().isOk());
        mvc.perform(
                        post("/api/v1/orgs/XJ/supervision/visits")
                                .with(observer)
                                .with(csrf().asHeader())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"unitCode\":\"XJ-01\",\"plannedOn\":\"2026-12-30\",\"sessionTitle\":\"x\",\"observerPersonIds\":[1]}"))
                .andExpect(status().isForbidden());
        submit(unit06Visit, observer, true).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/supervision/visits/" + unit06Visit + "/approve")
                        .param("version", String.valueOf(visitVersion(unit06Visit)))
                        .with(observer)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("当前环节为“待报方案”，没有待审核的学习方案"));
        mvc.perform(post("/api/v1/supervision/visits/" + unit06Visit + "/approve")
                        .param("version", "99")
                        .with(observer)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isConflict());
    }

    @Test
    void superiorReadsEveryVisitAndChangesNothing() throws Exception {
        var superior = as(accounts, "superior");
        mvc.perform(get("/supervision").with(superior)).andExpect(status().isOk());
        mvc.perform(get("/supervision/visits/" + unit02Visit).with(superior))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("approve-materials"))));
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/supervision/visits").with(superior))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(6));
        mvc.perform(get("/supervision/visits/new").with(superior)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/supervision/visits/" + unit06Visit + "/approve")
                        .param("version", "0")
                        .with(superior)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void bureauClerkPlansButCannotAnswerForAUnitOrObserve() throws Exception {
        submit(unit06Visit, clerk, true).andExpect(status().isForbidden());
        mvc.perform(post("/supervision/visits/" + unit06Visit + "/approve")
                        .param("version", "0")
                        .with(clerk)
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/supervision/visits/" + unit06Visit).with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"edit-visit\"")))
                .andExpect(content().string(not(containsString("id=\"submit-materials\""))));
        mvc.perform(get("/supervision/visits/" + unit06Visit + "/edit").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("学习贯彻中央经济工作会议精神")));
        long version = visitVersion(unit06Visit);
        mvc.perform(post("/supervision/visits/" + unit06Visit)
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version))
                        .param("unitCode", "XJ-06")
                        .param("plannedOn", "2025-12-18")
                        .param("sessionTitle", "学习贯彻中央经济工作会议精神")
                        .param("place", "机关服务中心二楼会议室")
                        .param("observerPersonIds", String.valueOf(personId("陈志强")), String.valueOf(personId("赵磊"))))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/supervision/visits/" + unit06Visit)
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version))
                        .param("unitCode", "XJ-06")
                        .param("plannedOn", "2025-12-18")
                        .param("sessionTitle", "过时的编辑")
                        .param("observerPersonIds", String.valueOf(personId("赵磊"))))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/supervision/visits/" + unit06Visit).with(clerk))
                .andExpect(jsonPath("$.place").value("机关服务中心二楼会议室"))
                .andExpect(jsonPath("$.observers.length()").value(2));
        mvc.perform(get("/supervision/visits/" + unit01Visit + "/edit").with(clerk))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/supervision/visits/" + unit01Visit + "/delete")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(visitVersion(unit01Visit))))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void memberGets403OnSupervision() throws Exception {
        var member = as(accounts, "member");
        mvc.perform(get("/supervision").with(member)).andExpect(status().isForbidden());
        mvc.perform(get("/supervision/visits/" + unit01Visit).with(member)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/supervision/visits").with(member))
                .andExpect(status().isForbidden());
        mvc.perform(get("/supervision/visits/new").with(member)).andExpect(status().isForbidden());
    }

    // ---- the shared overdue list ----

    @Test
    void overdueListShowsAFirstTopicTaskAndARectificationItemAndFiltersByKind() throws Exception {
        mvc.perform(get("/api/v1/orgs/XJ/overdue").with(clerk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].title", hasItem(OVERDUE_TASK)))
                .andExpect(jsonPath("$[*].title", hasItem(OVERDUE_ITEM)))
                .andExpect(jsonPath("$[*].kind", hasItem("firsttopic.task")))
                .andExpect(jsonPath("$[*].kind", hasItem("supervision.rectification")));
        mvc.perform(get("/api/v1/orgs/XJ/overdue")
                        .param("kind", "supervision.rectification")
                        .with(clerk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].kind", everyItem(is("supervision.rectification"))))
                .andExpect(jsonPath("$[*].title", hasItem(OVERDUE_ITEM)));
        mvc.perform(get("/tracking/overdue").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(OVERDUE_TASK)))
                .andExpect(content().string(containsString(OVERDUE_ITEM)))
                .andExpect(content().string(containsString("/supervision/visits/")))
                .andExpect(content().string(containsString("/firsttopic/tasks/")));
        mvc.perform(get("/tracking/overdue")
                        .param("kind", "firsttopic.task")
                        .header("HX-Request", "true")
                        .with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(OVERDUE_TASK)))
                .andExpect(content().string(not(containsString(OVERDUE_ITEM))));

        mvc.perform(get("/tracking/overdue").with(observer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(OVERDUE_ITEM)))
                .andExpect(content().string(not(containsString(OVERDUE_TASK))));
        mvc.perform(get("/tracking/overdue").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(OVERDUE_TASK)))
                .andExpect(content().string(not(containsString(OVERDUE_ITEM))));
        mvc.perform(get("/api/v1/orgs/XJ/overdue").with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orgs/XJ-01/overdue").with(unitClerk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].title", not(hasItem(OVERDUE_ITEM))));
        mvc.perform(get("/api/v1/orgs/XJ/overdue").with(as(accounts, "admin"))).andExpect(status().isForbidden());
    }

    // ---- configuration ----

    @Test
    void criteriaAreSetByTheSuperiorsClerkWithWeightsAddingUpToAHundred() throws Exception {
        mvc.perform(get("/api/v1/orgs/XJ/years/2030/supervision/criteria").with(clerk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.custom").value(false))
                .andExpect(jsonPath("$.criteria.length()").value(5));
        String ninety = "{\"criteria\":[{\"name\":\"方案\",\"weight\":50},{\"name\":\"研讨\",\"weight\":40}]}";
        String hundred =
                "{\"criteria\":[{\"name\":\"方案\",\"weight\":40},{\"name\":\"研讨\",\"weight\":60},{\"name\":\"\",\"weight\":null}]}";
        mvc.perform(put("/api/v1/orgs/XJ/years/2030/supervision/criteria")
                        .param("version", "0")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ninety))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("各项评价指标的权重合计须为100（现为90）"));
        mvc.perform(put("/api/v1/orgs/XJ/years/2030/supervision/criteria")
                        .param("version", "0")
                        .with(observer)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(hundred))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/orgs/XJ/years/2030/supervision/criteria")
                        .param("version", "0")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(hundred))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.custom").value(true))
                .andExpect(jsonPath("$.criteria.length()").value(2));
        mvc.perform(put("/api/v1/orgs/XJ/years/2030/supervision/criteria")
                        .param("version", "0")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(hundred))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/orgs/XJ/years/2030/supervision/criteria").with(clerk))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(get("/supervision/criteria").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("学习方案与会前准备")));
    }

    @Test
    void criteriaAndCalendarPagesSaveAndShowTheirErrors() throws Exception {
        // the clerk works on 2031, a year no other test uses
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/context")
                        .session(session)
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("orgCode", "XJ")
                        .param("year", "2031"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/supervision/criteria")
                        .session(session)
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("criteria[0].name", "方案")
                        .param("criteria[0].weight", "60")
                        .param("criteria[1].name", "研讨")
                        .param("criteria[1].weight", "30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("各项评价指标的权重合计须为100（现为90）")));
        mvc.perform(post("/supervision/criteria")
                        .session(session)
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("criteria[0].name", "方案")
                        .param("criteria[0].weight", "60")
                        .param("criteria[1].name", "研讨")
                        .param("criteria[1].weight", "40")
                        .param("criteria[2].name", "")
                        .param("criteria[2].weight", ""))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/supervision/criteria").session(session).with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2031")))
                .andExpect(content().string(not(containsString("默认指标"))));
        mvc.perform(get("/api/v1/orgs/XJ/years/2031/supervision/criteria").with(clerk))
                .andExpect(jsonPath("$.custom").value(true))
                .andExpect(jsonPath("$.criteria[1].weight").value(40));
        mvc.perform(put("/api/v1/orgs/XJ-01/years/2031/supervision/criteria")
                        .param("version", "0")
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"criteria\":[{\"name\":\"方案\",\"weight\":100}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("本单位没有下级单位，无需设置旁听评价指标"));
        mvc.perform(post("/supervision/criteria")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("version", "0"))
                .andExpect(status().isForbidden());

        var admin = as(accounts, "admin");
        mvc.perform(post("/tracking/calendar")
                        .with(admin)
                        .with(csrf().asHeader())
                        .param("day", "2031-01-01")
                        .param("kind", "HOLIDAY")
                        .param("name", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写说明")));
        mvc.perform(post("/tracking/calendar")
                        .with(admin)
                        .with(csrf().asHeader())
                        .param("day", "2031-01-01")
                        .param("kind", "HOLIDAY")
                        .param("name", "元旦"))
                .andExpect(status().is3xxRedirection());
        long id = sql("select id from tracking_calendar_day where calendar_day = date '2031-01-01'");
        mvc.perform(post("/tracking/calendar")
                        .with(admin)
                        .with(csrf().asHeader())
                        .param("day", "2031-01-01")
                        .param("kind", "HOLIDAY")
                        .param("name", "元旦"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已设置，请先删除原设置")));
        mvc.perform(post("/tracking/calendar/" + id + "/delete")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("year", "2031"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tracking/calendar/" + id + "/delete")
                        .with(admin)
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("year", "2031"))
                .andExpect(status().is3xxRedirection());
        assertThat(sql("select count(*) from tracking_calendar_day where calendar_day = date '2031-01-01'"))
                .isZero();
    }

    @Test
    void holidaysAndMakeUpDaysAreConfiguredByTheAdministratorOnly() throws Exception {
        var admin = as(accounts, "admin");
        String day = "{\"day\":\"2030-10-08\",\"kind\":\"HOLIDAY\",\"name\":\"国庆节\"}";
        mvc.perform(post("/api/v1/calendar")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(day))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/calendar")
                        .with(admin)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"day\":\"2030-10-12\",\"kind\":\"HOLIDAY\",\"name\":\"周六\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("2030-10-12 是周末，本来就不上班，无需设为放假"));
        // Monday 14 October 2030: five working days before is Monday 7 October, or Friday 4 with Tuesday 8 off
        assertThat(calendar.before(LocalDate.parse("2030-10-14"), 5)).isEqualTo(LocalDate.parse("2030-10-07"));
        String added = mvc.perform(post("/api/v1/calendar")
                        .with(admin)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(day))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(calendar.before(LocalDate.parse("2030-10-14"), 5)).isEqualTo(LocalDate.parse("2030-10-04"));
        mvc.perform(get("/tracking/calendar").param("year", "2030").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2030-10-08")))
                .andExpect(content().string(not(containsString("id=\"save-day\""))));
        mvc.perform(get("/tracking/calendar").param("year", "2025").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("国庆节、中秋节")))
                .andExpect(content().string(containsString("id=\"save-day\"")));
        long dayId = ((Number) JsonPath.read(added, "$.id")).longValue();
        mvc.perform(delete("/api/v1/calendar/days/" + dayId)
                        .param("version", "0")
                        .with(admin)
                        .with(csrf().asHeader()))
                .andExpect(status().isNoContent());
        assertThat(calendar.before(LocalDate.parse("2030-10-14"), 5)).isEqualTo(LocalDate.parse("2030-10-07"));
    }

    // ---- helpers ----

    ResultActions submit(long visit, RequestPostProcessor who, boolean withFiles) throws Exception {
        var request = multipart("/api/v1/supervision/visits/" + visit + "/materials")
                .param("version", String.valueOf(visitVersion(visit)))
                .param("studyPlan", "集体学习全会精神，安排3名班子成员重点发言。");
        if (withFiles) {
            request.file(new MockMultipartFile(
                            "materials", "学习材料.txt", "text/plain", "学习材料".getBytes(StandardCharsets.UTF_8)))
                    .file(new MockMultipartFile(
                            "outlines", "发言提纲.txt", "text/plain", "发言提纲".getBytes(StandardCharsets.UTF_8)));
        }
        return mvc.perform(request.with(who).with(csrf().asHeader()));
    }

    ResultActions observerDecides(long visit, String action, String json) throws Exception {
        return observerDecides(visit, action, json, observer);
    }

    ResultActions observerDecides(long visit, String action, String json, RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/v1/supervision/visits/" + visit + "/" + action)
                .param("version", String.valueOf(visitVersion(visit)))
                .with(who)
                .with(csrf().asHeader())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    /** The session day comes: the visit's date moves to today, as time would move it. */
    void sessionDayArrives(long visit, LocalDate today) {
        jdbc.sql("update supervision_visit set planned_on = ? where id = ?")
                .param(today)
                .param(visit)
                .update();
    }

    long demoVisit(String unitCode) {
        return jdbc.sql("""
                        select min(v.id) from supervision_visit v join org_unit u on u.id = v.unit_org_id
                         where u.code = ? and v.planned_on between date '2025-01-01' and date '2025-12-31'""").param(unitCode).query(Long.class).single();
    }

    long firstFile(long visit) {
        return jdbc.sql("select min(file_id) from supervision_visit_file where visit_id = ?")
                .param(visit)
                .query(Long.class)
                .single();
    }

    long visitVersion(long visit) {
        return jdbc.sql("select version from supervision_visit where id = ?")
                .param(visit)
                .query(Long.class)
                .single();
    }

    long itemVersion(long item) {
        return jdbc.sql("select version from supervision_rectification where id = ?")
                .param(item)
                .query(Long.class)
                .single();
    }

    long personId(String name) {
        return jdbc.sql("""
                        select min(p.id) from org_person p join org_unit o on o.id = p.org_id
                         where o.code = 'XJ' and p.name = ?""").param(name).query(Long.class).single();
    }

    long sql(String query) {
        return jdbc.sql(query).query(Long.class).single();
    }
}
