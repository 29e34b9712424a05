package cn.studyledger.plan;

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
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * An annual plan from draft to approval, return and revision, through the API and the pages, with the errors a
 * user can make on the way. Each test works on its own year of X局, so none sees another's plan.
 */
@IntegrationTest
@Transactional
class PlanWorkflowTests {

    static final String PLAN = """
            {"themes":["深入学习贯彻习近平新时代中国特色社会主义思想","学习贯彻全会精神"],
             "arrangements":[{"month":3,"topic":"传达学习全国两会精神","format":"COLLECTIVE"},
                             {"month":6,"topic":"警示教育","format":"WARNING","materials":"典型案例汇编"}]}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    String createPlan(int year, String body) throws Exception {
        return mvc.perform(post("/api/v1/orgs/XJ/years/" + year + "/plan")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    String act(String username, String action, long id, long version, String body) throws Exception {
        var request = post("/api/v1/plans/" + id + "/" + action)
                .param("version", String.valueOf(version))
                .with(as(accounts, username))
                .with(csrf().asHeader());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    long version(long id) throws Exception {
        String json = mvc.perform(get("/api/v1/plans/" + id).with(as(accounts, "clerk")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(json, "$.version")).longValue();
    }

    static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    static long version(String json) {
        return ((Number) JsonPath.read(json, "$.version")).longValue();
    }

    /** A session whose working context is X局 and the given year, as the user would set it in the top bar. */
    MockHttpSession workingOn(String username, int year) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/context")
                        .session(session)
                        .with(as(accounts, username))
                        .with(csrf().asHeader())
                        .param("orgCode", "XJ")
                        .param("year", String.valueOf(year)))
                .andExpect(status().is3xxRedirection());
        return session;
    }

    @Test
    void clerkDraftsAndSubmitsLeaderApprovesAndRevisionKeepsTheApprovedOne() throws Exception {
        String created = createPlan(2031, PLAN);
        long id = id(created);
        assertThat((String) JsonPath.read(created, "$.status")).isEqualTo("DRAFT");
        assertThat((Integer) JsonPath.read(created, "$.revision")).isEqualTo(1);
        assertThat((List<?>) JsonPath.read(created, "$.arrangements")).hasSize(2);

        mvc.perform(post("/api/v1/plans/" + id + "/submit")
                        .param("version", String.valueOf(version(created)))
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        String submitted = act("clerk", "submit", id, version(created), null);
        assertThat((String) JsonPath.read(submitted, "$.status")).isEqualTo("SUBMITTED");

        mvc.perform(put("/api/v1/plans/" + id)
                        .param("version", String.valueOf(version(submitted)))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PLAN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("学习计划已提交，正在等待组长审批，不能修改"));
        mvc.perform(post("/api/v1/plans/" + id + "/approve")
                        .param("version", String.valueOf(version(submitted)))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());

        String approved = act("leader", "approve", id, version(submitted), "{\"comment\":\"同意，请抓好落实\"}");
        assertThat((String) JsonPath.read(approved, "$.status")).isEqualTo("APPROVED");
        assertThat((List<String>) JsonPath.read(approved, "$.history[?(@.action=='APPROVE')].actorName"))
                .containsExactly("王建国");
        assertThat((List<String>) JsonPath.read(approved, "$.history[?(@.action=='APPROVE')].comment"))
                .containsExactly("同意，请抓好落实");
        assertThat(((Number) JsonPath.read(approved, "$.effectiveId")).longValue())
                .isEqualTo(id);

        mvc.perform(put("/api/v1/plans/" + id)
                        .param("version", String.valueOf(version(approved)))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PLAN))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("已批准的学习计划不能修改，如需调整请“修订”生成新版本"));

        String revised = mvc.perform(post("/api/v1/plans/" + id + "/revise")
                        .param("version", String.valueOf(version(approved)))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.arrangements.length()").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long second = id(revised);

        mvc.perform(get("/api/v1/orgs/XJ/years/2031/plan").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(second))
                .andExpect(jsonPath("$.effectiveId").value(id))
                .andExpect(jsonPath("$.revisions.length()").value(2))
                .andExpect(jsonPath("$.revisions[1].status").value("APPROVED"));
        mvc.perform(get("/api/v1/plans/" + id).with(as(accounts, "clerk")))
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.latest").value(false));
        mvc.perform(post("/api/v1/plans/" + id + "/revise")
                        .param("version", String.valueOf(version(approved)))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("已有更新的版本（第2版）")));

        assertThat(jdbc.sql(
                                "select count(*) from common_audit_event where object_type = '学习计划' and object_id in (?, ?)")
                        .params(String.valueOf(id), String.valueOf(second))
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void leaderReturnsWithCommentThenClerkEditsAndResubmitsThroughThePages() throws Exception {
        MockHttpSession clerk = workingOn("clerk", 2032);
        MockHttpSession leader = workingOn("leader", 2032);

        String location = mvc.perform(post("/plans")
                        .session(clerk)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D+", " ").trim().split(" ")[0]);
        mvc.perform(get("/plans").session(clerk).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("草稿")))
                .andExpect(content().string(containsString("id=\"edit-themes\"")));

        mvc.perform(post("/plans/" + id + "/themes")
                        .session(clerk)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(id)))
                        .param("themes", "学习贯彻习近平新时代中国特色社会主义思想", "", "推进全面从严治党"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/plans/" + id + "/arrangements")
                        .session(clerk)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(id)))
                        .param("month", "13")
                        .param("topic", "")
                        .param("format", "COLLECTIVE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("月份应为1至12")))
                .andExpect(content().string(containsString("请填写学习主题")));
        mvc.perform(post("/plans/" + id + "/arrangements")
                        .session(clerk)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(id)))
                        .param("month", "4")
                        .param("topic", "专题辅导：美丽中国建设")
                        .param("format", "LECTURE")
                        .param("materials", "辅导讲稿"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/plans/" + id + "/submit")
                        .session(clerk)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().is3xxRedirection());

        mvc.perform(post("/plans/" + id + "/return")
                        .session(leader)
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(id)))
                        .param("comment", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("退回学习计划时请填写修改意见")));
        mvc.perform(post("/plans/" + id + "/return")
                        .session(leader)
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(id)))
                        .param("comment", "请增加一次现场教学"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/plans").session(clerk).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已退回")))
                .andExpect(content().string(containsString("请增加一次现场教学")));

        mvc.perform(post("/plans/" + id + "/arrangements")
                        .session(clerk)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(id)))
                        .param("month", "5")
                        .param("topic", "赴红色教育基地开展现场教学")
                        .param("format", "ON_SITE"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/plans/" + id + "/submit")
                        .session(clerk)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/plans").session(leader).with(as(accounts, "leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("待审批")))
                .andExpect(content().string(containsString("id=\"approve-plan\"")));
        mvc.perform(post("/plans/" + id + "/approve")
                        .session(leader)
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .param("version", String.valueOf(version(id))))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/api/v1/plans/" + id).with(as(accounts, "clerk")))
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.themes.length()").value(2))
                .andExpect(jsonPath("$.arrangements[*].month").value(org.hamcrest.Matchers.contains(4, 5)))
                .andExpect(jsonPath("$.history[*].action")
                        .value(org.hamcrest.Matchers.contains("SUBMIT", "RETURN", "SUBMIT", "APPROVE")));
        mvc.perform(get("/plans").session(clerk).with(as(accounts, "clerk")))
                .andExpect(content().string(containsString("id=\"revise-plan\"")))
                .andExpect(content().string(not(containsString("id=\"edit-themes\""))));
    }

    @Test
    void secondEditorWithAStaleVersionGetsAConflictAndLosesNothing() throws Exception {
        String created = createPlan(2033, PLAN);
        long id = id(created);
        long stale = version(created);
        mvc.perform(put("/api/v1/plans/" + id)
                        .param("version", String.valueOf(stale))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PLAN.replace("学习贯彻全会精神", "第一位编辑的专题")))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/plans/" + id)
                        .param("version", String.valueOf(stale))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PLAN.replace("学习贯彻全会精神", "第二位编辑的专题")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://studyledger.cn/problems/conflict"));
        mvc.perform(post("/api/v1/plans/" + id + "/submit")
                        .param("version", String.valueOf(stale))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/plans/" + id).with(as(accounts, "clerk")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.themes[1]").value("第一位编辑的专题"));
    }

    @Test
    void editingThroughTheApiKeepsArrangementsSentWithTheirIdAndDropsTheOthers() throws Exception {
        String created = createPlan(2036, PLAN);
        long id = id(created);
        long kept = ((Number) JsonPath.read(created, "$.arrangements[0].id")).longValue();
        mvc.perform(put("/api/v1/plans/" + id)
                        .param("version", String.valueOf(version(created)))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"themes\":[\"专题\"],\"arrangements\":[{\"id\":" + kept
                                + ",\"month\":2,\"topic\":\"改到二月\",\"format\":\"DISCUSSION\"},"
                                + "{\"month\":9,\"topic\":\"新增九月\",\"format\":\"COLLECTIVE\"}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.arrangements.length()").value(2))
                .andExpect(jsonPath("$.arrangements[0].id").value(kept))
                .andExpect(jsonPath("$.arrangements[0].topic").value("改到二月"))
                .andExpect(jsonPath("$.arrangements[1].topic").value("新增九月"));
    }

    @Test
    void invalidPlanIsRefusedWithFieldErrorsAndSecondDraftOfTheYearIsRefused() throws Exception {
        mvc.perform(post("/api/v1/orgs/XJ/years/2037/plan")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"themes\":[\"" + "长".repeat(201) + "\"],"
                                + "\"arrangements\":[{\"month\":0,\"topic\":\"\",\"format\":\"COLLECTIVE\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://studyledger.cn/problems/validation"))
                .andExpect(jsonPath("$.errors[?(@.field=='arrangements[0].month')].message")
                        .value("月份应为1至12"))
                .andExpect(jsonPath("$.errors[?(@.field=='arrangements[0].topic')].message")
                        .value("请填写学习主题"))
                .andExpect(jsonPath("$.errors[*].message", org.hamcrest.Matchers.hasItem("学习专题最长200字")));
        mvc.perform(get("/api/v1/orgs/XJ/years/2037/plan").with(as(accounts, "clerk")))
                .andExpect(status().isNotFound());

        createPlan(2037, "{}");
        mvc.perform(post("/api/v1/orgs/XJ/years/2037/plan")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("本年度已有学习计划")));
        String empty = mvc.perform(get("/api/v1/orgs/XJ/years/2037/plan").with(as(accounts, "clerk")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(post("/api/v1/plans/" + id(empty) + "/submit")
                        .param("version", String.valueOf(version(empty)))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("请至少填写一个学习专题后再提交"));
    }

    @Test
    void leadMemberMustBelongToTheYearsCentralGroup() throws Exception {
        Long member = jdbc.sql("select min(person_id) from org_membership m join org_unit o on o.id = m.org_id"
                        + " where o.code = 'XJ' and m.study_year = 2025 and m.role <> 'SECRETARY'")
                .query(Long.class)
                .single();
        String created = createPlan(2038, "{}");
        long id = id(created);
        String tooFar = "{\"themes\":[\"专题\"],\"arrangements\":[{\"month\":1,\"topic\":\"t\",\"format\":\"COLLECTIVE\","
                + "\"leadPersonId\":" + member + "}]}";
        // 2038 has no central group yet, so even a 2025 member cannot lead.
        mvc.perform(put("/api/v1/plans/" + id)
                        .param("version", String.valueOf(version(created)))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(tooFar))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("领学人须为本年度中心组成员"));
    }
}
