package cn.studyledger.assessment;

import static cn.studyledger.ApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.studyledger.ApiCalls;
import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * 年度考核 of subordinate groups (issue 16, part 3): each unit's score is made from its own records through the figures
 * and rule findings, with the clerk's adjustments; the units stand in the bureau's order unless its clerk sorts by
 * score; draft → published (objections within the period) → approved by the 组长, never before every objection is
 * answered → issued as a 通报 frozen from the snapshot. Each test rolls back.
 */
@IntegrationTest
@Transactional
class AssessmentTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    ApiCalls api;

    @BeforeEach
    void calls() {
        api = new ApiCalls(mvc, accounts);
    }

    @Test
    void theBureauSeesEveryUnitsScoreMadeFromItsOwnFiguresInItsOwnOrder() throws Exception {
        String board = api.body(get("/api/v1/orgs/XJ/years/2025/assessment"), "clerk", 200);
        assertThat((String) JsonPath.read(board, "$.status")).isEqualTo("ISSUED");
        List<String> units = JsonPath.read(board, "$.units[*].unitCode");
        assertThat(units).isEqualTo(children());
        assertThat((Double) JsonPath.read(board, "$.totalWeight")).isEqualTo(100.0);

        // the published items are the unit's own figures: 集体学习次数 as the figures API gives it to a superior
        String figures = api.body(get("/api/v1/orgs/XJ-01/years/2025/figures"), "superior", 200);
        Object sessions = JsonPath.<List<Object>>read(figures, "$[?(@.key == 'sessions.collective')].value")
                .get(0);
        assertThat(item(board, "XJ-01", "sessions.collective", "value")).isEqualTo(String.valueOf(sessions));

        // the score is the items' points and the adjustment (+2 in the demo), within 0 and 100
        Map<String, Object> first = unit(board, "XJ-01");
        BigDecimal points =
                JsonPath.<List<Object>>read(board, "$.units[?(@.unitCode == 'XJ-01')].items[*].points").stream()
                        .map(p -> new BigDecimal(p.toString()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(first.get("score").toString()))
                .isEqualByComparingTo(points.add(BigDecimal.valueOf(2)).min(BigDecimal.valueOf(100)));
        assertThat(JsonPath.<List<String>>read(board, "$.units[?(@.unitCode == 'XJ-01')].commendations[*].title"))
                .containsExactly("先进集体");
        assertThat((Integer) JsonPath.read(board, "$.openObjections")).isZero();
        assertThat(JsonPath.<List<String>>read(board, "$.units[?(@.unitCode == 'XJ-03')].objections[*].reply"))
                .hasSize(1);
        assertThat(docxText(api.call(get("/api/v1/orgs/XJ/years/2025/assessment/document"), "superior")
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray()))
                .contains("X党组〔2026〕5号", "“先进集体”称号");

        // the evidence of an item: the unit's records behind the figure, for the bureau's readers
        String url = (String) JsonPath.<List<Object>>read(
                        board,
                        "$.units[?(@.unitCode == 'XJ-01')].items[?(@.key == 'sessions.collective')].evidence[0].url")
                .get(0);
        List<Object> records = JsonPath.read(api.body(get(url), "clerk", 200), "$[*].id");
        assertThat(records).hasSize(Integer.parseInt(String.valueOf(sessions)));
        api.body(
                get("/api/v1/orgs/XJ/years/2025/assessment/units/XJ-01/figures/selfstudy.hours/evidence"),
                "clerk",
                404);
        api.body(
                get("/api/v1/orgs/XJ/years/2025/assessment/units/XJ/figures/sessions.collective/evidence"),
                "clerk",
                404);

        // no ranking by default; the bureau may sort its own view
        String sorted = api.body(get("/api/v1/orgs/XJ/years/2025/assessment?sort=score"), "clerk", 200);
        List<Double> scores = JsonPath.<List<Object>>read(sorted, "$.units[*].score").stream()
                .map(s -> Double.valueOf(s.toString()))
                .toList();
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        api.body(get("/api/v1/orgs/XJ/years/2025/assessment?sort=rank"), "clerk", 400);
    }

    @Test
    void aUnitReadsOnlyItsOwnScorecardAndObjectsWithinThePeriod() throws Exception {
        String card = api.body(get("/api/v1/orgs/XJ-01/years/2025/scorecard"), "unitclerk", 200);
        assertThat((String) JsonPath.read(card, "$.issuerCode")).isEqualTo("XJ");
        assertThat((String) JsonPath.read(card, "$.card.unitCode")).isEqualTo("XJ-01");
        assertThat((Boolean) JsonPath.read(card, "$.canObject")).isFalse();
        String board = api.body(get("/api/v1/orgs/XJ/years/2025/assessment"), "clerk", 200);
        assertThat(JsonPath.<Object>read(card, "$.card.score").toString())
                .isEqualTo(unit(board, "XJ-01").get("score").toString());
        // its own figures' evidence, where it can open them
        assertThat(JsonPath.<List<String>>read(card, "$.card.items[*].evidence[0].url"))
                .anyMatch(u -> u.startsWith("/api/v1/orgs/XJ-01/years/2025/figures/"));

        api.body(get("/api/v1/orgs/XJ-02/years/2025/scorecard"), "unitclerk", 404);
        api.body(get("/api/v1/orgs/XJ/years/2025/assessment"), "unitclerk", 404);

        // the 2025 assessment is issued: no objection any more
        String refused = api.body(
                json(post("/api/v1/orgs/XJ-01/years/2025/scorecard/objections"), "{\"content\":\"请复核\"}"),
                "unitclerk",
                422);
        assertThat(refused).contains("考核结果已审定");
        // 2026's, once published, within its period
        api.body(
                json(post("/api/v1/orgs/XJ-01/years/2026/scorecard/objections"), "{\"content\":\"请复核\"}"),
                "unitclerk",
                422);
        api.body(post("/api/v1/orgs/XJ/years/2026/assessment/publish"), "clerk", 200);
        api.body(
                json(post("/api/v1/orgs/XJ-01/years/2026/scorecard/objections"), "{\"content\":\"\"}"),
                "unitclerk",
                400);
        card = api.body(
                json(post("/api/v1/orgs/XJ-01/years/2026/scorecard/objections"), "{\"content\":\"第三季度集中学习已补录，请复核。\"}"),
                "unitclerk",
                201);
        assertThat((Boolean) JsonPath.read(card, "$.canObject")).isTrue();
        assertThat(JsonPath.<List<String>>read(card, "$.card.objections[*].content"))
                .containsExactly("第三季度集中学习已补录，请复核。");
        // the bureau's clerk does not object for a unit
        api.body(json(post("/api/v1/orgs/XJ-01/years/2026/scorecard/objections"), "{\"content\":\"x\"}"), "clerk", 404);
    }

    @Test
    void draftPublishObjectAnswerApproveAndIssueAsAFrozenNotice() throws Exception {
        String base = "/api/v1/orgs/XJ/years/2026/assessment";
        String draft = api.body(get(base), "clerk", 200);
        assertThat((String) JsonPath.read(draft, "$.status")).isEqualTo("DRAFT");
        assertThat((Object) JsonPath.read(draft, "$.version")).isNull();
        assertThat(JsonPath.<List<Object>>read(draft, "$.criteria")).hasSize(9);

        // criteria: the weights add up to 100, each a figure that can be scored
        String criteria = "{\"objectionDays\":3,\"maxAdjustment\":5,\"source\":\"X局党组中心组学习考核办法\",\"criteria\":["
                + "{\"kind\":\"FIGURE\",\"figureKey\":\"sessions.collective\",\"label\":\"集体学习\",\"weight\":60,\"target\":12},"
                + "{\"kind\":\"FINDINGS\",\"label\":\"规则检查\",\"weight\":40,\"target\":5}]}";
        api.body(json(put(base + "/criteria"), criteria.replace("\"weight\":60", "\"weight\":50")), "clerk", 422);
        api.body(json(put(base + "/criteria"), criteria.replace("sessions.collective", "org.field")), "clerk", 422);
        api.body(json(put(base + "/criteria"), criteria.replace("sessions.collective", "no.such")), "clerk", 422);
        api.body(json(put(base + "/criteria"), criteria.replace("\"label\":\"集体学习\",", "")), "clerk", 400);
        api.body(json(put(base + "/criteria"), criteria), "leader", 403);
        String set = api.body(json(put(base + "/criteria"), criteria), "clerk", 200);
        assertThat(JsonPath.<List<String>>read(set, "$.criteria[*].label")).containsExactly("集体学习", "规则检查");
        int version = JsonPath.read(set, "$.version");

        // adjustments within the limit, for a direct subordinate only; commendations
        api.body(
                json(post(base + "/adjustments"), "{\"unitCode\":\"XJ-02\",\"points\":6,\"reason\":\"x\"}"),
                "clerk",
                422);
        api.body(
                json(post(base + "/adjustments"), "{\"unitCode\":\"XJ\",\"points\":1,\"reason\":\"x\"}"), "clerk", 422);
        api.body(json(post(base + "/adjustments"), "{\"unitCode\":\"XJ-02\",\"points\":1}"), "clerk", 400);
        String adjusted = api.body(
                json(post(base + "/adjustments"), "{\"unitCode\":\"XJ-02\",\"points\":-1.5,\"reason\":\"学习简报报送不及时\"}"),
                "clerk",
                201);
        assertThat(JsonPath.<List<Double>>read(adjusted, "$.units[?(@.unitCode == 'XJ-02')].adjustments[*].points"))
                .containsExactly(-1.5);
        api.body(json(post(base + "/commendations"), "{\"unitCode\":\"XJ-01\",\"title\":\"先进集体\"}"), "clerk", 201);
        api.body(json(post(base + "/commendations"), "{\"unitCode\":\"XJ-01\",\"title\":\"先进集体\"}"), "clerk", 422);

        // a stale version is refused; publishing freezes the items and opens the objection period
        api.body(post(base + "/publish?version=" + (version - 1)), "clerk", 409);
        String published = api.body(post(base + "/publish?version=" + version), "clerk", 200);
        assertThat((String) JsonPath.read(published, "$.status")).isEqualTo("PUBLISHED");
        assertThat((String) JsonPath.read(published, "$.objectionUntil")).isNotNull();
        api.body(json(put(base + "/criteria"), criteria), "clerk", 422);

        String card = api.body(
                json(post("/api/v1/orgs/XJ-01/years/2026/scorecard/objections"), "{\"content\":\"请复核集体学习次数\"}"),
                "unitclerk",
                201);
        assertThat((String) JsonPath.read(card, "$.status")).isEqualTo("PUBLISHED");
        version = JsonPath.read(api.body(get(base), "clerk", 200), "$.version");

        // the 组长 approves only after the period and once every objection is answered; the clerk cannot approve
        api.body(post(base + "/approve?version=" + version), "clerk", 403);
        assertThat(api.body(post(base + "/approve?version=" + version), "leader", 422))
                .contains("期满后才能审定");
        jdbc.sql("update assessment set objection_until = date '2026-01-05' where assessment_year = 2026")
                .update();
        assertThat(api.body(post(base + "/approve?version=" + version), "leader", 422))
                .contains("1条异议未答复");
        String board = api.body(get(base), "clerk", 200);
        int objection = JsonPath.<List<Integer>>read(board, "$.units[?(@.unitCode == 'XJ-01')].objections[*].id")
                .get(0);
        api.body(
                json(
                        post("/api/v1/assessment/objections/" + objection + "/reply?version=0"),
                        "{\"reply\":\"已按补录后的记录复核，得分不变。\"}"),
                "unitclerk",
                404);
        api.body(
                json(
                        post("/api/v1/assessment/objections/" + objection + "/reply?version=0"),
                        "{\"reply\":\"已按补录后的记录复核，得分不变。\"}"),
                "clerk",
                204);
        String approved = api.body(post(base + "/approve?version=" + version), "leader", 200);
        assertThat((String) JsonPath.read(approved, "$.status")).isEqualTo("APPROVED");
        version = JsonPath.read(approved, "$.version");
        api.body(
                json(post(base + "/adjustments"), "{\"unitCode\":\"XJ-02\",\"points\":1,\"reason\":\"x\"}"),
                "clerk",
                422);

        // issued: the 通报 with the commendation and every unit in the bureau's order, unranked
        String issued = api.body(
                json(post(base + "/issue?version=" + version), "{\"documentNumber\":\"X党组〔2027〕3号\"}"), "clerk", 200);
        assertThat((String) JsonPath.read(issued, "$.status")).isEqualTo("ISSUED");
        byte[] docx = api.call(get(base + "/document"), "leader")
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            String all = text.getText();
            assertThat(all).contains("理论学习中心组学习考核情况的通报", "X党组〔2027〕3号", "X局党组中心组学习考核办法");
            assertThat(all).contains("“先进集体”称号", "不作排名");
            List<String> names = JsonPath.read(issued, "$.units[*].unitName");
            int at = -1;
            for (String name : names) {
                int next = doc.getTables().get(0).getText().indexOf(name, at + 1);
                assertThat(next).as(name + " in the bureau's order").isGreaterThan(at);
                at = next;
            }
        }
        api.body(json(post(base + "/commendations"), "{\"unitCode\":\"XJ-02\",\"title\":\"先进集体\"}"), "clerk", 422);
        long audited = jdbc.sql(
                        "select count(*) from common_audit_event where object_type = '年度考核' and summary like '%2026年度%'")
                .query(Long.class)
                .single();
        assertThat(audited).isGreaterThanOrEqualTo(6);
    }

    @Test
    void theLeaderSendsItBackWithAReasonAndTheUnitsNoLongerSeeIt() throws Exception {
        String base = "/api/v1/orgs/XJ/years/2026/assessment";
        int version = JsonPath.read(api.body(post(base + "/publish"), "clerk", 200), "$.version");
        assertThat((String) JsonPath.read(
                        api.body(get("/api/v1/orgs/XJ-01/years/2026/scorecard"), "unitclerk", 200), "$.status"))
                .isEqualTo("PUBLISHED");
        api.body(json(post(base + "/return?version=" + version), "{\"comment\":\"\"}"), "leader", 400);
        api.body(json(post(base + "/return?version=" + version), "{\"comment\":\"请核实\"}"), "clerk", 403);
        String back = api.body(
                json(post(base + "/return?version=" + version), "{\"comment\":\"规划研究院的记录请先复核\"}"), "leader", 200);
        assertThat((String) JsonPath.read(back, "$.status")).isEqualTo("DRAFT");
        assertThat((String) JsonPath.read(back, "$.returnedComment")).isEqualTo("规划研究院的记录请先复核");
        assertThat((String) JsonPath.read(
                        api.body(get("/api/v1/orgs/XJ-01/years/2026/scorecard"), "unitclerk", 200), "$.status"))
                .isEqualTo("NOT_PUBLISHED");
        // the issued 2025 assessment is not sent back
        int issued = JsonPath.read(api.body(get("/api/v1/orgs/XJ/years/2025/assessment"), "leader", 200), "$.version");
        api.body(
                json(post("/api/v1/orgs/XJ/years/2025/assessment/return?version=" + issued), "{\"comment\":\"重审\"}"),
                "leader",
                422);
    }

    @Test
    void theBureausPageShowsTheUnitsInItsOrderAndTheUnitsPageItsOwnScorecard() throws Exception {
        String page = api.body(get("/assessment"), "clerk", 200);
        assertThat(page).contains("下属单位年度考核", "已通报", "先进集体", "下载通报");
        String sorted = api.body(get("/assessment?sort=score"), "leader", 200);
        assertThat(sorted).contains("按得分排序");
        String criteria = api.body(get("/assessment/criteria"), "clerk", 200);
        assertThat(criteria).contains("设置考核指标", "集体学习次数", "考核结果已公示，指标不能再修改");
        String refused = api.body(
                post("/assessment/criteria")
                        .param("rows[0].kind", "FIGURE")
                        .param("rows[0].figureKey", "sessions.collective")
                        .param("rows[0].label", "集体学习")
                        .param("rows[0].weight", "100")
                        .param("rows[0].target", "12")
                        .param("objectionDays", "5")
                        .param("maxAdjustment", "10")
                        .param("source", "考核办法"),
                "clerk",
                200);
        assertThat(refused).contains("只有草稿状态的考核可以修改考核指标", "集体学习");
        String blank = api.body(post("/assessment/criteria").param("objectionDays", "5"), "clerk", 200);
        assertThat(blank).contains("alert-danger");
        String card = api.body(get("/scorecard"), "unitclerk", 200);
        assertThat(card).contains("本单位年度考核结果", "异议期已结束");
    }

    private static String docxText(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            return text.getText();
        }
    }

    private static Map<String, Object> unit(String board, String code) {
        List<Map<String, Object>> found = JsonPath.read(board, "$.units[?(@.unitCode == '" + code + "')]");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Object item(String board, String unit, String key, String field) {
        List<Object> found = JsonPath.read(
                board, "$.units[?(@.unitCode == '" + unit + "')].items[?(@.key == '" + key + "')]." + field);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private List<String> children() {
        return jdbc.sql("""
                        select code from org_unit where active = true
                           and parent_id = (select id from org_unit where code = 'XJ')
                         order by code""").query(String.class).list();
    }
}
