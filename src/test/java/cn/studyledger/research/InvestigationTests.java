package cn.studyledger.research;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * Investigations through the pages and the API on the demo data: field trips and reports with their files, the
 * excellent-report selection (judges score, never their own report; ranking; awards; read-only once finished), who
 * may do what, and the investigation figures and {@code fieldwork.count} against plain SQL.
 */
@IntegrationTest
@Transactional
class InvestigationTests {

    static final String FIGURES = "/api/v1/orgs/XJ/years/2025/figures";
    static final String DEMO_INVESTIGATION = "重点流域水生态保护修复";
    static final String DEMO_WATER_REPORT = "关于重点流域水生态保护修复的调研报告";
    static final String DEMO_AIR_REPORT = "关于深化重点行业大气污染深度治理的调研报告";

    /** Trips of the bureau's 2025 investigations with at least one member of the 2025 central group taking part. */
    static final String MEMBER_TRIPS = """
            select count(*) from research_trip t join research_investigation i on i.id = t.investigation_id
              join org_unit o on o.id = i.org_id
             where o.code = 'XJ' and i.investigation_year = 2025
               and exists (select 1 from research_trip_participant p join org_membership m on m.person_id = p.person_id
                            where p.trip_id = t.id and m.org_id = i.org_id and m.study_year = 2025
                              and m.role <> 'SECRETARY')""";

    static final String ON_SITE_SESSIONS = """
            select count(*) from session_study_session s join org_unit o on o.id = s.org_id
             where o.code = 'XJ' and s.status = 'HELD' and s.format = 'ON_SITE'
               and s.session_date between '2025-01-01' and '2025-12-31'""";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor clerk;
    long demoInvestigation;
    long demoSelection;

    @BeforeEach
    void demoRecords() {
        clerk = as(accounts, "clerk");
        demoInvestigation = jdbc.sql("select id from research_investigation where theme = ?")
                .param(DEMO_INVESTIGATION)
                .query(Long.class)
                .single();
        demoSelection = sql("""
                select s.id from research_selection s join org_unit o on o.id = s.org_id
                 where o.code = 'XJ' and s.selection_year = 2025""");
    }

    // ---- the demo year ----

    @Test
    void demoYearHasThreeInvestigationsSevenTripsFourReportsAndAFinishedSelection() throws Exception {
        assertThat(sql("""
                        select count(*) from research_trip t join research_investigation i on i.id = t.investigation_id
                         where i.investigation_year = 2025 and t.created_by = 'system'""")).isEqualTo(7);
        assertThat(sql("select count(*) from research_report where created_by = 'system'"))
                .isEqualTo(4);

        String selection = read("/api/v1/orgs/XJ/investigations/selections/2025");
        assertThat(JsonPath.<String>read(selection, "$.status")).isEqualTo("FINISHED");
        assertThat(JsonPath.<List<String>>read(selection, "$.judges[*].name"))
                .containsExactlyInAnyOrder("王建国", "李明华", "刘芳");
        assertThat(JsonPath.<List<String>>read(selection, "$.ranking[*].title").get(0))
                .isEqualTo(DEMO_WATER_REPORT);
        assertThat(JsonPath.<List<String>>read(selection, "$.ranking[*].award"))
                .containsExactly("FIRST", "SECOND", "THIRD", "EXCELLENT");
        assertThat(sql("""
                        select count(*) from research_score_sheet s join research_report_author a
                          on a.report_id = s.report_id and a.person_id = s.judge_person_id""")).as("no judge scored a report of their own").isZero();

        mvc.perform(get("/investigations").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(DEMO_INVESTIGATION)))
                .andExpect(content().string(containsString("已结束")));
        mvc.perform(get("/investigations").param("q", "大气").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("大气污染联防联控与重点行业深度治理")))
                .andExpect(content().string(not(containsString(DEMO_INVESTIGATION))));
        mvc.perform(get("/investigations/" + demoInvestigation).with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("某湖国家湿地公园")))
                .andExpect(content().string(containsString(DEMO_WATER_REPORT)))
                .andExpect(content().string(containsString("一等奖")));
        mvc.perform(get("/investigations/selection").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2025年度优秀调研报告评选")))
                .andExpect(content().string(containsString("二等奖")))
                .andExpect(content().string(not(containsString("finish-selection"))));
    }

    // ---- investigations and trips ----

    @Test
    void clerkSetsAnInvestigationAndRecordsTripsThroughThePages() throws Exception {
        mvc.perform(get("/investigations/new").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("郑一鸣")));
        mvc.perform(post("/investigations")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("year", "2025")
                        .param("theme", "")
                        .param("leadPersonId", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写调研主题")))
                .andExpect(content().string(containsString("请选择牵头领导")));
        String location = mvc.perform(post("/investigations")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("year", "2025")
                        .param("theme", "农村环境整治调研")
                        .param("leadPersonId", String.valueOf(person("赵磊")))
                        .param("memberIds", String.valueOf(person("郑一鸣")), String.valueOf(person("周文斌")))
                        .param("purpose", "摸清农村生活污水治理情况"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/investigations/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring("/investigations/".length()));
        mvc.perform(get(location).with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("赵磊、郑一鸣、周文斌")));

        mvc.perform(get(location + "/trips/new").with(clerk)).andExpect(status().isOk());
        mvc.perform(post(location + "/trips")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("date", "2025-03-05")
                        .param("place", "")
                        .param("findings", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写调研地点")))
                .andExpect(content().string(containsString("请选择参加调研的人员")))
                .andExpect(content().string(containsString("请填写调研发现")));
        mvc.perform(post(location + "/trips")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("date", "2024-12-05")
                        .param("place", "某镇")
                        .param("participantIds", String.valueOf(person("赵磊")))
                        .param("findings", "发现"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("调研活动日期须在调研所属的2025年内")));
        mvc.perform(post(location + "/trips")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("date", "2025-03-05")
                        .param("place", "某镇污水处理站")
                        .param("participantIds", String.valueOf(person("赵磊")), String.valueOf(person("郑一鸣")))
                        .param("findings", "管网覆盖率不足六成"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location).with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("某镇污水处理站")))
                .andExpect(content().string(containsString("管网覆盖率不足六成")));
        assertThat(auditLines("调研", id)).isEqualTo(1);
    }

    @Test
    void tripsOfMembersCountAsFieldworkAndTripsWithoutMembersOnlyAsTrips() throws Exception {
        long trips = figureValue("investigation.trips");
        long fieldwork = figureValue("fieldwork.count");
        addTrip(demoInvestigation, "2025-02-10", person("郑一鸣"));
        assertThat(figureValue("investigation.trips")).isEqualTo(trips + 1);
        assertThat(figureValue("fieldwork.count")).isEqualTo(fieldwork);
        addTrip(demoInvestigation, "2025-02-11", person("杨丽"));
        assertThat(figureValue("investigation.trips")).isEqualTo(trips + 2);
        assertThat(figureValue("fieldwork.count")).isEqualTo(fieldwork + 1);
        assertThat(evidence("fieldwork.count")).contains("2025-02-11").doesNotContain("2025-02-10");
    }

    @Test
    void investigationFiguresAndFieldworkAgreeWithTheirEvidenceAndWithPlainSql() throws Exception {
        long themes = sql("""
                select count(*) from research_investigation i join org_unit o on o.id = i.org_id
                 where o.code = 'XJ' and i.investigation_year = 2025""");
        assertThat(figureValue("investigation.themes"))
                .isEqualTo(themes)
                .isEqualTo(evidenceCount("investigation.themes"));
        long trips = sql("""
                select count(*) from research_trip t join research_investigation i on i.id = t.investigation_id
                  join org_unit o on o.id = i.org_id where o.code = 'XJ' and i.investigation_year = 2025""");
        assertThat(figureValue("investigation.trips")).isEqualTo(trips).isEqualTo(evidenceCount("investigation.trips"));
        long reports = sql("""
                select count(*) from research_report r join research_investigation i on i.id = r.investigation_id
                  join org_unit o on o.id = i.org_id where o.code = 'XJ' and i.investigation_year = 2025""");
        assertThat(figureValue("investigation.reports"))
                .isEqualTo(reports)
                .isEqualTo(evidenceCount("investigation.reports"));

        long fieldwork = sql(ON_SITE_SESSIONS) + sql(MEMBER_TRIPS);
        assertThat(figureValue("fieldwork.count")).isEqualTo(fieldwork).isEqualTo(evidenceCount("fieldwork.count"));
        assertThat(sql(ON_SITE_SESSIONS)).isPositive();
        assertThat(sql(MEMBER_TRIPS)).isGreaterThanOrEqualTo(7);
        String evidence = evidence("fieldwork.count");
        assertThat(evidence)
                .contains("现场教学")
                .contains("/sessions/")
                .contains("/investigations/")
                .contains("#trip-");

        assertThat(themes).isGreaterThanOrEqualTo(3);
        assertThat(reports).isGreaterThanOrEqualTo(4);
    }

    @Test
    void highlightFieldIsTheSelectionsFirstUnlessTheClerkChoosesAnotherReport() throws Exception {
        assertThat(highlight()).isEqualTo("水生态保护");
        assertThat(evidence("investigation.highlightField"))
                .contains(DEMO_WATER_REPORT)
                .contains("评选第一名");
        long air = jdbc.sql("select id from research_report where title = ?")
                .param(DEMO_AIR_REPORT)
                .query(Long.class)
                .single();
        String chosen = mvc.perform(post("/api/v1/investigations/reports/" + air + "/choose")
                        .param("version", String.valueOf(sql("select version from research_report where id = " + air)))
                        .param("chosen", "true")
                        .with(clerk)
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.chosen").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(highlight()).isEqualTo("大气污染防治");
        assertThat(evidence("investigation.highlightField"))
                .contains(DEMO_AIR_REPORT)
                .contains("选定");
        mvc.perform(post("/investigations/reports/" + air + "/choose")
                        .param("version", String.valueOf(((Number) JsonPath.read(chosen, "$.version")).longValue()))
                        .param("chosen", "false")
                        .with(clerk)
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        assertThat(highlight()).isEqualTo("水生态保护");
    }

    // ---- reports and files ----

    @Test
    void clerkUploadsAReportWithItsFileReadersDownloadItAndTheUnitClerkCannot() throws Exception {
        long investigation = createInvestigation(2026, "数字化执法调研", person("刘芳"));
        mvc.perform(get("/investigations/" + investigation + "/reports/new").with(clerk))
                .andExpect(status().isOk());
        byte[] text = "关于数字化执法的调研报告\n一、基本情况".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/investigations/" + investigation + "/reports")
                        .file(new MockMultipartFile("file", "报告.exe", "application/pdf", new byte[] {0x4d, 0x5a, 0, 1}))
                        .param("title", "关于数字化执法的调研报告")
                        .param("field", "生态环境执法")
                        .param("authorIds", String.valueOf(person("刘芳")))
                        .with(clerk)
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文件“报告.exe”的类型不受支持")));
        mvc.perform(multipart("/investigations/" + investigation + "/reports")
                        .file(new MockMultipartFile("file", "数字化执法调研报告.txt", "text/plain", text))
                        .param("title", "关于数字化执法的调研报告")
                        .param("field", "生态环境执法")
                        .param("authorIds", String.valueOf(person("刘芳")), String.valueOf(person("马晨")))
                        .with(clerk)
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        long report = sql("select max(id) from research_report where investigation_id = " + investigation);
        mvc.perform(get("/investigations/" + investigation).with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("数字化执法调研报告.txt")))
                .andExpect(content().string(containsString("刘芳、马晨")));
        for (String reader : List.of("member", "superior")) {
            mvc.perform(get("/investigations/reports/" + report + "/file").with(as(accounts, reader)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", containsString("attachment")))
                    .andExpect(content().bytes(text));
        }
        mvc.perform(get("/investigations/reports/" + report + "/file").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/investigations/reports/" + report + "/file").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());

        byte[] revised = "修订稿".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/investigations/reports/" + report)
                        .file(new MockMultipartFile("file", "修订稿.txt", "text/plain", revised))
                        .param("version", "0")
                        .param("title", "关于推进数字化执法的调研报告")
                        .param("field", "生态环境执法")
                        .param("authorIds", String.valueOf(person("刘芳")))
                        .with(clerk)
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/investigations/reports/" + report + "/file").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().bytes(revised));
        mvc.perform(get("/api/v1/investigations/reports/" + report).with(clerk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("关于推进数字化执法的调研报告"))
                .andExpect(jsonPath("$.authorNames").value("刘芳"))
                .andExpect(jsonPath("$.fileName").value("修订稿.txt"));
        assertThat(auditLines("调研报告", report)).isEqualTo(2);
    }

    @Test
    void aYearWhoseSelectionIsFinishedTakesNoNewReportsAndRankedReportsCannotChange() throws Exception {
        mvc.perform(post("/api/v1/investigations/" + demoInvestigation + "/reports")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"迟交的报告\",\"field\":\"水生态保护\",\"authorIds\":[" + person("杨丽") + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("2025年度优秀调研报告评选已结束，不能再新增参评报告"));
        long water = jdbc.sql("select id from research_report where title = ?")
                .param(DEMO_WATER_REPORT)
                .query(Long.class)
                .single();
        mvc.perform(put("/api/v1/investigations/reports/" + water)
                        .param(
                                "version",
                                String.valueOf(sql("select version from research_report where id = " + water)))
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"改标题\",\"field\":\"水生态保护\",\"authorIds\":[" + person("杨丽") + "]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("该报告已有评委评分，不能再修改"));
        mvc.perform(post("/investigations/reports/" + water + "/delete")
                        .with(clerk)
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/investigations/selections/" + demoSelection + "/scores")
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reportId\":" + water + ",\"scores\":{\"1\":90},\"version\":0}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("评选已结束，不能再评分"));
    }

    // ---- the selection ----

    @Test
    void judgesScoreNeverTheirOwnReportTheRankingFollowsAndTheClerkFinishesWithAwards() throws Exception {
        jdbc.sql("""
                        insert into org_membership (org_id, study_year, person_id, role, version, created_at)
                        select m.org_id, 2024, m.person_id, m.role, 0, current_timestamp from org_membership m
                          join org_unit o on o.id = m.org_id
                         where o.code = 'XJ' and m.study_year = 2025
                           and not exists (select 1 from org_membership x where x.org_id = m.org_id
                                             and x.study_year = 2024 and x.person_id = m.person_id)""").update();
        long investigation = createInvestigation(2024, "评选流程调研", person("王建国"));
        long byZhang = createReport(investigation, "张伟执笔的报告", "大气污染防治", person("张伟"));
        long byLiu = createReport(investigation, "刘芳执笔的报告", "固体废物治理", person("刘芳"));
        String created = mvc.perform(post("/api/v1/orgs/XJ/investigations/selections")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"year":2024,"title":"2024年度优秀调研报告评选",
                                 "criteria":[{"name":"选题价值","weight":40},{"name":"对策可行性","weight":60}],
                                 "judgeIds":[%d,%d]}""".formatted(person("王建国"), person("张伟"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long selection = ((Number) JsonPath.read(created, "$.id")).longValue();
        List<Integer> criteria = JsonPath.read(created, "$.criteria[*].id");
        RequestPostProcessor member = as(accounts, "member");
        RequestPostProcessor leader = as(accounts, "leader");

        // 张伟 (member) may not score his own report, through the API or the page
        mvc.perform(post("/api/v1/investigations/selections/" + selection + "/scores")
                        .with(member)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(scores(byZhang, criteria, 90, 90)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("您是《张伟执笔的报告》的作者，不能为自己的报告评分"));
        mvc.perform(get("/investigations/selection/" + selection + "/reports/" + byZhang + "/score")
                        .with(member))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("不能为自己的报告评分")));
        mvc.perform(get("/investigations/selection/" + selection).with(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本人作品，回避")))
                .andExpect(content().string(containsString("评选结束后公布排名")));

        // 张伟 scores 刘芳's report on the page, with a refused out-of-range score first
        mvc.perform(get("/investigations/selection/" + selection + "/reports/" + byLiu + "/score")
                        .with(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("对策可行性（权重60）")));
        mvc.perform(post("/investigations/selection/" + selection + "/reports/" + byLiu + "/score")
                        .with(member)
                        .with(csrf().asHeader())
                        .param("score-" + criteria.get(0), "101")
                        .param("score-" + criteria.get(1), "80"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“选题价值”的得分须在0–100之间")));
        mvc.perform(post("/investigations/selection/" + selection + "/reports/" + byLiu + "/score")
                        .with(member)
                        .with(csrf().asHeader())
                        .param("score-" + criteria.get(0), "70")
                        .param("score-" + criteria.get(1), "80"))
                .andExpect(status().is3xxRedirection());

        // the superior reads but cannot judge; the clerk cannot finish before every score is in
        mvc.perform(post("/api/v1/investigations/selections/" + selection + "/scores")
                        .with(as(accounts, "superior"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(scores(byLiu, criteria, 90, 90)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/investigations/selections/" + selection + "/finish")
                        .param("version", String.valueOf(selectionVersion(selection)))
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"awards\":{\"" + byLiu + "\":\"FIRST\"}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("尚有 2 份评分未完成")));

        // 王建国 (leader) scores both
        mvc.perform(post("/api/v1/investigations/selections/" + selection + "/scores")
                        .with(leader)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(scores(byZhang, criteria, 95, 90)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/investigations/selections/" + selection + "/scores")
                        .with(leader)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(scores(byLiu, criteria, 80, 70)))
                .andExpect(status().isOk());

        // the clerk sees the ranking: 张伟's report 92.00 (王 only), 刘芳's 75.00 (mean of 76 and 74)
        String open = read("/api/v1/investigations/selections/" + selection);
        assertThat(JsonPath.<List<Integer>>read(open, "$.ranking[*].reportId"))
                .containsExactly((int) byZhang, (int) byLiu);
        assertThat(JsonPath.<List<Double>>read(open, "$.ranking[*].score")).containsExactly(92.0, 75.0);
        assertThat(JsonPath.<List<Object>>read(open, "$.missing")).isEmpty();
        String memberView = mvc.perform(
                        get("/api/v1/investigations/selections/" + selection).with(member))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<Boolean>read(memberView, "$.rankingVisible")).isFalse();
        assertThat(JsonPath.<List<Object>>read(memberView, "$.ranking")).isEmpty();

        // awards must follow the ranking
        mvc.perform(post("/investigations/selection/" + selection + "/finish")
                        .param("version", String.valueOf(selectionVersion(selection)))
                        .param("award-" + byZhang, "SECOND")
                        .param("award-" + byLiu, "FIRST")
                        .with(clerk)
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("finishError", "《刘芳执笔的报告》排名在《张伟执笔的报告》之后，所获奖项不能高于它"));
        mvc.perform(post("/investigations/selection/" + selection + "/finish")
                        .param("version", String.valueOf(selectionVersion(selection)))
                        .param("award-" + byZhang, "FIRST")
                        .param("award-" + byLiu, "THIRD")
                        .with(clerk)
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "评选已结束，评选结果已保存"));

        String finished = mvc.perform(
                        get("/api/v1/orgs/XJ/investigations/selections/2024").with(member))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FINISHED"))
                .andExpect(jsonPath("$.rankingVisible").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(finished, "$.ranking[*].award")).containsExactly("FIRST", "THIRD");
        String figures = read("/api/v1/orgs/XJ/years/2024/figures");
        assertThat(JsonPath.<List<String>>read(figures, "$[?(@.key=='investigation.highlightField')].value"))
                .containsExactly("大气污染防治");

        // read-only from now on
        mvc.perform(post("/api/v1/investigations/selections/" + selection + "/scores")
                        .with(leader)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(scores(byLiu, criteria, 99, 99)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("评选已结束，不能再评分"));
        mvc.perform(put("/api/v1/investigations/selections/" + selection)
                        .param("version", String.valueOf(selectionVersion(selection)))
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"year":2024,"title":"改名","criteria":[{"name":"选题价值","weight":100}],
                                 "judgeIds":[%d]}""".formatted(person("王建国"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("评选已结束，不能再修改"));
        mvc.perform(get("/investigations/selection/" + selection).with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("一等奖")))
                .andExpect(content().string(not(containsString("finish-selection"))));
    }

    @Test
    void theSelectionPagesRefuseASecondSelectionOfTheYearAndShowTheSetUpForm() throws Exception {
        mvc.perform(get("/investigations/selection/new").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("对策可行性")))
                .andExpect(content().string(containsString("王建国")));
        mvc.perform(post("/investigations/selection")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .param("title", "2025年度优秀调研报告评选")
                        .param("criterionName", "选题价值", "")
                        .param("criterionWeight", "100", "")
                        .param("judgeIds", String.valueOf(person("王建国"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2025年度已有优秀调研报告评选")));
        mvc.perform(get("/investigations/selection/new").with(as(accounts, "member")))
                .andExpect(status().isForbidden());
    }

    @Test
    void everyEditFormOpensWithTheRecordsValuesAndTheListAnswersHtmxWithItsTable() throws Exception {
        long trip = sql("select min(id) from research_trip where investigation_id = " + demoInvestigation);
        long report = jdbc.sql("select id from research_report where title = ?")
                .param(DEMO_WATER_REPORT)
                .query(Long.class)
                .single();
        mvc.perform(get("/investigations/" + demoInvestigation + "/edit").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(DEMO_INVESTIGATION)));
        mvc.perform(get("/investigations/trips/" + trip + "/edit").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("某河流域上游三县")));
        mvc.perform(get("/investigations/reports/" + report + "/edit").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(DEMO_WATER_REPORT)))
                .andExpect(content().string(containsString("当前文件")));
        mvc.perform(get("/investigations/selection/" + demoSelection + "/edit").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("对策可行性")));
        mvc.perform(get("/investigations").header("HX-Request", "true").with(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(DEMO_INVESTIGATION)))
                .andExpect(content().string(not(containsString("<html"))));
    }

    // ---- who may do what ----

    @Test
    void memberAndSuperiorReadButGet403OnClerkActions() throws Exception {
        for (String reader : List.of("member", "superior")) {
            RequestPostProcessor user = as(accounts, reader);
            mvc.perform(get("/investigations/" + demoInvestigation).with(user))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("/trips/new"))));
            mvc.perform(get("/investigations/selection/" + demoSelection).with(user))
                    .andExpect(status().isOk());
            mvc.perform(get("/api/v1/orgs/XJ/investigations")
                            .param("year", "2025")
                            .with(user))
                    .andExpect(status().isOk());
            mvc.perform(get("/investigations/new").with(user)).andExpect(status().isForbidden());
            mvc.perform(get("/investigations/" + demoInvestigation + "/trips/new")
                            .with(user))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/investigations/" + demoInvestigation + "/trips")
                            .with(user)
                            .with(csrf().asHeader())
                            .param("date", "2025-02-01")
                            .param("place", "越权地点")
                            .param("participantIds", String.valueOf(person("杨丽")))
                            .param("findings", "越权"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/orgs/XJ/investigations")
                            .with(user)
                            .with(csrf().asHeader())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(investigationJson(2025, "越权调研", person("杨丽"))))
                    .andExpect(status().isForbidden());
        }
        assertThat(sql("select count(*) from research_trip where place = '越权地点'"))
                .isZero();
    }

    @Test
    void clerkOfASubordinateUnitGets404ForTheBureausInvestigationsAndChangesNothing() throws Exception {
        RequestPostProcessor unitClerk = as(accounts, "unitclerk");
        long trip = sql("select min(id) from research_trip where investigation_id = " + demoInvestigation);
        mvc.perform(get("/investigations/" + demoInvestigation).with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(get("/investigations/" + demoInvestigation + "/trips/new").with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(get("/investigations/selection/" + demoSelection).with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/investigations/" + demoInvestigation).with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/investigations/trips/" + trip).with(unitClerk)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/investigations/selections/" + demoSelection).with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orgs/XJ/investigations").param("year", "2025").with(unitClerk))
                .andExpect(status().isNotFound());
        mvc.perform(post("/investigations/" + demoInvestigation + "/trips")
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .param("date", "2025-02-01")
                        .param("place", "越权地点")
                        .param("participantIds", String.valueOf(person("杨丽")))
                        .param("findings", "越权"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/investigations/trips/" + trip + "/delete")
                        .with(unitClerk)
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/orgs/XJ/investigations")
                        .with(unitClerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(investigationJson(2025, "越权调研", person("杨丽"))))
                .andExpect(status().isNotFound());
        assertThat(sql("select count(*) from research_trip where id = " + trip)).isEqualTo(1);
        assertThat(sql("select count(*) from research_trip where place = '越权地点'"))
                .isZero();
    }

    @Test
    void aStaleTripVersionGetsAConflict() throws Exception {
        long trip = addTrip(demoInvestigation, "2025-03-01", person("孙海燕"));
        String body = """
                {"date":"2025-03-02","place":"改后的地点","participantIds":[%d],"findings":"改后的发现"}""".formatted(person("孙海燕"));
        mvc.perform(put("/api/v1/investigations/trips/" + trip)
                        .param("version", "0")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.place").value("改后的地点"));
        mvc.perform(put("/api/v1/investigations/trips/" + trip)
                        .param("version", "0")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("改后的地点", "第二次修改")))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("select place from research_trip where id = ?")
                        .param(trip)
                        .query(String.class)
                        .single())
                .isEqualTo("改后的地点");
    }

    // ---- helpers ----

    long createInvestigation(int year, String theme, long lead) throws Exception {
        String created = mvc.perform(post("/api/v1/orgs/XJ/investigations")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(investigationJson(year, theme, lead)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    static String investigationJson(int year, String theme, long lead) {
        return "{\"year\":" + year + ",\"theme\":\"" + theme + "\",\"leadPersonId\":" + lead + ",\"memberIds\":[]}";
    }

    long createReport(long investigation, String title, String field, long author) throws Exception {
        String created = mvc.perform(post("/api/v1/investigations/" + investigation + "/reports")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"" + title + "\",\"field\":\"" + field + "\",\"authorIds\":[" + author
                                + "]}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    long addTrip(long investigation, String date, long participant) throws Exception {
        String created = mvc.perform(post("/api/v1/investigations/" + investigation + "/trips")
                        .with(clerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"" + date + "\",\"place\":\"某地\",\"participantIds\":[" + participant
                                + "],\"findings\":\"调研发现\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    static String scores(long report, List<Integer> criteria, int first, int second) {
        return "{\"reportId\":" + report + ",\"scores\":{\"" + criteria.get(0) + "\":" + first + ",\"" + criteria.get(1)
                + "\":" + second + "}}";
    }

    long selectionVersion(long selection) {
        return sql("select version from research_selection where id = " + selection);
    }

    String highlight() throws Exception {
        List<String> values = JsonPath.read(read(FIGURES), "$[?(@.key=='investigation.highlightField')].value");
        return values.get(0);
    }

    long person(String name) {
        return jdbc.sql("""
                        select p.id from org_person p join org_unit o on o.id = p.org_id
                         where o.code = 'XJ' and p.name = ?""").param(name).query(Long.class).single();
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
