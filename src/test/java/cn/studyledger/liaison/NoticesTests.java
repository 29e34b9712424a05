package cn.studyledger.liaison;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import cn.studyledger.tracking.WorkingCalendar;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * 学习提示 down (issue 16, part 1): X局's clerk issues a notice to its direct subordinate units; the 监测中心 (XJ-01)
 * finds it in its inbox and work list, acknowledges it and links the session that carried it out; the issuer sees
 * per unit read / acted on / overdue and the coverage figure; a unit sees only its own notices and receipt; nobody
 * acknowledges for another unit; malformed input is a 400, input the rules refuse a 422, a stale version a 409. Each test rolls back.
 */
@IntegrationTest
@Transactional
class NoticesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    Clock clock;

    @Test
    void theIssuerSeesPerUnitWhetherTheDemoNoticesWereReadActedOnOrAreOverdue() throws Exception {
        String issued = body(get("/api/v1/orgs/XJ/notices?year=2025"), "clerk");
        List<String> titles = JsonPath.read(issued, "$.items[*].title");
        assertThat(titles).hasSize(3);
        long quarter = notice("关于做好2025年第一季度党委（党组）理论学习中心组学习的提示");

        String status = body(get("/api/v1/notices/" + quarter + "/status"), "leader");
        assertThat((Integer) JsonPath.read(status, "$.targets")).isEqualTo(children("XJ"));
        List<Map<String, Object>> units = JsonPath.read(status, "$.units");
        Map<String, Object> monitoring = units.stream()
                .filter(u -> "XJ-01".equals(u.get("unitCode")))
                .findFirst()
                .orElseThrow();
        assertThat(monitoring.get("state")).isEqualTo("ACTED");
        assertThat(monitoring.get("actedOn")).isEqualTo("2025-03-20");
        assertThat(JsonPath.<List<String>>read(status, "$.units[?(@.unitCode == 'XJ-01')].sessions[*].date"))
                .containsExactly("2025-03-20");
        // the others never linked a session and the due date (31 March 2025) has passed
        assertThat(units.stream()
                        .filter(u -> !"XJ-01".equals(u.get("unitCode")))
                        .map(u -> u.get("state")))
                .containsOnly("OVERDUE");
        assertThat((Integer) JsonPath.read(status, "$.acted")).isEqualTo(1);

        // the coverage figure counts the receipts of the year's notices whose unit held a linked session
        long receipts = sql("select count(*) from liaison_notice_receipt r join liaison_notice n on n.id = r.notice_id"
                + " where n.issuer_org_id = (select id from org_unit where code = 'XJ') and n.notice_year = 2025");
        String figures = body(get("/api/v1/orgs/XJ/years/2025/figures"), "clerk");
        assertThat(JsonPath.<List<Integer>>read(figures, "$[?(@.key == 'notices.coverage')].numerator"))
                .containsExactly(1);
        assertThat(JsonPath.<List<Integer>>read(figures, "$[?(@.key == 'notices.coverage')].denominator"))
                .containsExactly((int) receipts);
        String evidence = body(get("/api/v1/orgs/XJ/years/2025/figures/notices.coverage/evidence"), "clerk");
        assertThat(JsonPath.<List<String>>read(evidence, "$[*].detail"))
                .singleElement()
                .asString()
                .startsWith("X局生态环境监测中心党委 · 2025-03-20");
    }

    @Test
    void aUnitReadsOnlyItsOwnNoticesAndItsOwnReceipt() throws Exception {
        String inbox = body(get("/api/v1/orgs/XJ-01/notices/inbox?year=2025"), "unitclerk");
        List<String> titles = JsonPath.read(inbox, "$[*].title");
        assertThat(titles).hasSize(2).noneMatch(t -> t.contains("青年干部"));
        long quarter = notice("关于做好2025年第一季度党委（党组）理论学习中心组学习的提示");
        String seen = body(get("/api/v1/notices/" + quarter), "unitclerk");
        assertThat(JsonPath.<List<String>>read(seen, "$.receipts[*].unitCode")).containsExactly("XJ-01");
        assertThat((Boolean) JsonPath.read(seen, "$.issuerView")).isFalse();
        call(get("/api/v1/notices/" + quarter + "/status"), "unitclerk").andExpect(status().isForbidden());

        long youth = notice("关于组织青年干部列席中心组学习的提示");
        call(get("/api/v1/notices/" + youth), "unitclerk").andExpect(status().isNotFound());
        call(get("/notices/" + youth), "unitclerk").andExpect(status().isNotFound());
        call(ack(youth, 0, "{}"), "unitclerk").andExpect(status().isNotFound());
        // X局's own inbox and issued list are not the unit's business
        call(get("/api/v1/orgs/XJ/notices?year=2025"), "unitclerk").andExpect(status().isNotFound());
        call(get("/api/v1/orgs/XJ-01/notices/inbox"), "member").andExpect(status().isForbidden());
    }

    @Test
    void aUnitAcknowledgesANoticeAndLinksTheSessionThatCarriedItOut() throws Exception {
        String created = body(
                post("/api/v1/orgs/XJ/notices")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"关于学习《习近平谈治国理政》第五卷的提示","content":"请各单位安排中心组专题学习。",
                                 "materials":["《习近平谈治国理政》第五卷 第一专题", " "],"dueInWorkingDays":5,
                                 "targets":["XJ-01"]}"""),
                "clerk",
                201);
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        LocalDate today = LocalDate.now(clock);
        assertThat((String) JsonPath.read(created, "$.dueOn"))
                .isEqualTo(calendar.after(today, 5).toString());
        assertThat(JsonPath.<List<String>>read(created, "$.materials")).containsExactly("《习近平谈治国理政》第五卷 第一专题");
        assertThat((Integer) JsonPath.read(created, "$.targets")).isEqualTo(1);
        assertThat(audit("学习提示", id)).hasSize(1);

        String inbox = body(get("/api/v1/orgs/XJ-01/notices/inbox"), "unitclerk");
        assertThat(JsonPath.<List<String>>read(inbox, "$[?(@.id == " + id + ")].receipt.state"))
                .containsExactly("UNREAD");
        String todos = body(get("/api/v1/me/todos"), "unitclerk");
        assertThat(JsonPath.<List<String>>read(todos, "$[?(@.kind == 'notice.unread')].title"))
                .contains("学习提示《关于学习《习近平谈治国理政》第五卷的提示》待签收");

        // the issuer's clerk cannot acknowledge for the unit, another organisation's session cannot be linked
        call(ack(id, 0, "{}"), "clerk").andExpect(status().isForbidden());
        long xjSession = sql("select min(id) from session_study_session where status = 'HELD' and org_id ="
                + " (select id from org_unit where code = 'XJ')");
        call(ack(id, 0, "{\"sessionIds\":[" + xjSession + "]}"), "unitclerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("找不到本单位编号为")));

        long unitSession = sql("select min(id) from session_study_session where status = 'HELD' and org_id ="
                + " (select id from org_unit where code = 'XJ-01')");
        String receipt =
                body(ack(id, 0, "{\"note\":\"已于本周组织专题学习\",\"sessionIds\":[" + unitSession + "]}"), "unitclerk", 200);
        assertThat((String) JsonPath.read(receipt, "$.state")).isEqualTo("ACTED");
        assertThat((String) JsonPath.read(receipt, "$.acknowledgedAt")).isNotBlank();
        call(ack(id, 0, "{}"), "unitclerk").andExpect(status().isConflict());

        String status = body(get("/api/v1/notices/" + id + "/status"), "clerk");
        assertThat((Integer) JsonPath.read(status, "$.acted")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(status, "$.acknowledged")).isEqualTo(1);
        assertThat(JsonPath.<List<Integer>>read(status, "$.units[0].sessions[*].id"))
                .containsExactly((int) unitSession);
        long receiptId = ((Number) JsonPath.read(receipt, "$.id")).longValue();
        assertThat(audit("学习提示签收", receiptId)).hasSize(1);
        todos = body(get("/api/v1/me/todos"), "unitclerk");
        assertThat(JsonPath.<List<String>>read(todos, "$[?(@.url =~ /.*notices\\/" + id + ".*/)].kind"))
                .isEmpty();
    }

    @Test
    void badNoticesAreRefusedWithAReasonAndNothingIsStored() throws Exception {
        long before = sql("select count(*) from liaison_notice");
        String url = "/api/v1/orgs/XJ/notices";
        call(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\" \",\"content\":\"x\"}"), "clerk")
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写标题")));
        call(
                        post(url)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"title\":\"t\",\"content\":\"c\",\"targets\":[\"XJ\"]}"),
                        "clerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("不是本组织的直属下级单位")));
        call(
                        post(url)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"title\":\"t\",\"content\":\"c\",\"dueOn\":\"2030-01-01\",\"dueInWorkingDays\":3}"),
                        "clerk")
                .andExpect(status().isUnprocessableContent());
        call(
                        post(url)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"title\":\"t\",\"content\":\"c\",\"dueOn\":\"2001-01-01\"}"),
                        "clerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("不能早于发布日期")));
        call(
                        post("/api/v1/orgs/XJ-01/notices")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"title\":\"t\",\"content\":\"c\"}"),
                        "unitclerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("没有下属单位")));
        call(post(url).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"t\",\"content\":\"c\"}"), "leader")
                .andExpect(status().isForbidden());
        call(
                        post(url)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"title\":\"t\",\"content\":\"c\"}"),
                        "unitclerk")
                .andExpect(status().isNotFound()); // the bureau is outside the unit clerk's sight
        assertThat(sql("select count(*) from liaison_notice")).isEqualTo(before);
    }

    @Test
    void thePagesIssueANoticeAndLetTheUnitAcknowledgeIt() throws Exception {
        call(get("/notices"), "clerk")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"new-notice\"")))
                .andExpect(content().string(containsString("关于深入学习贯彻党的二十届四中全会精神的学习安排")));
        call(get("/notices/new"), "clerk")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("X局生态环境监测中心党委")));
        call(get("/notices/new"), "unitclerk").andExpect(status().isForbidden());
        call(post("/notices").param("title", "").param("content", "x"), "clerk")
                .andExpect(content().string(containsString("请填写标题")));
        call(
                        post("/notices")
                                .param("title", "关于开展主题读书活动的提示")
                                .param("content", "各单位中心组组织一次读书交流。")
                                .param("materials", "《习近平著作选读》第一卷\n《习近平著作选读》第二卷")
                                .param("targets", "XJ-01", "XJ-02"),
                        "clerk")
                .andExpect(redirectedUrlPattern("/notices/*"));
        long id = notice("关于开展主题读书活动的提示");
        assertThat(sql("select count(*) from liaison_notice_material where notice_id = " + id))
                .isEqualTo(2);
        call(get("/notices/" + id), "clerk")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"status\"")))
                .andExpect(content().string(not(containsString("id=\"acknowledgement\""))));
        call(get("/notices/" + id), "unitclerk")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"acknowledgement\"")))
                .andExpect(content().string(not(containsString("id=\"status\""))));
        call(post("/notices/" + id + "/acknowledgement").param("version", "0").param("note", "已安排"), "unitclerk")
                .andExpect(redirectedUrlPattern("/notices/*"));
        assertThat(sql("select count(*) from liaison_notice_receipt r join org_unit u on u.id = r.unit_org_id"
                        + " where r.notice_id = " + id + " and u.code = 'XJ-01' and r.acknowledged_at is not null"))
                .isEqualTo(1);
        call(get("/notices"), "unitclerk")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("关于开展主题读书活动的提示")))
                .andExpect(content().string(containsString("已签收")));
    }

    private MockHttpServletRequestBuilder ack(long id, long version, String json) {
        return post("/api/v1/notices/" + id + "/acknowledgement?version=" + version)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(as(accounts, user)).with(csrf().asHeader()));
    }

    private String body(MockHttpServletRequestBuilder request, String user) throws Exception {
        return body(request, user, 200);
    }

    private String body(MockHttpServletRequestBuilder request, String user, int expected) throws Exception {
        return call(request, user)
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long notice(String title) {
        return jdbc.sql("select id from liaison_notice where title = ?")
                .param(title)
                .query(Long.class)
                .single();
    }

    private int children(String code) {
        return (int) sql("select count(*) from org_unit where active = true and parent_id = (select id from org_unit"
                + " where code = '" + code + "')");
    }

    private long sql(String query) {
        return jdbc.sql(query).query(Long.class).single();
    }

    private List<String> audit(String objectType, long id) {
        return jdbc.sql("select action from common_audit_event where object_type = ? and object_id = ?")
                .param(objectType)
                .param(String.valueOf(id))
                .query(String.class)
                .list();
    }
}
