package cn.studyledger.liaison;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * 报送 up, once (issue 16, part 2): a unit files its own document (the member list made from its group, a report only
 * once final), the bureau sees its units × kinds on time / late / missing / returned, returns with a reason and
 * accepts; the unit never decides its own filing; a filing waiting for its decision is not filed twice; deadlines
 * follow the bureau's rule table. Each test rolls back.
 */
@IntegrationTest
@Transactional
class SubmissionsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBureauSeesEachUnitsFilingsOnTimeLateMissingAndReturned() throws Exception {
        String matrix = body(get("/api/v1/orgs/XJ/years/2025/submissions"), "clerk", 200);
        assertThat(JsonPath.<List<String>>read(matrix, "$.units[*].unitCode")).hasSize(children());
        assertThat(cell(matrix, "XJ-01", "MEMBER_LIST", "state")).isEqualTo("ACCEPTED");
        assertThat(cell(matrix, "XJ-03", "MEMBER_LIST", "state")).isEqualTo("SUBMITTED");
        assertThat(cell(matrix, "XJ-03", "MEMBER_LIST", "late")).isEqualTo(true);
        assertThat(cell(matrix, "XJ-04", "MEMBER_LIST", "state")).isEqualTo("RETURNED");
        assertThat(cell(matrix, "XJ-05", "MEMBER_LIST", "state")).isEqualTo("MISSING");
        // the default deadline, with nothing in X局's rule table: 31 January of the year
        assertThat(cell(matrix, "XJ-01", "ANNUAL_PLAN", "dueOn")).isEqualTo("2025-01-31");
        assertThat(cell(matrix, "XJ-01", "ANNUAL_REPORT", "dueOn")).isEqualTo("2026-01-20");
        assertThat((Integer) JsonPath.read(matrix, "$.late")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(matrix, "$.returned")).isEqualTo(1);

        // X局 sets its own deadline: plans and member lists by 15 March — for what is still to be filed; a filing keeps
        // the deadline in force when it was made
        String rule = body(get("/api/v1/orgs/XJ/years/2025/rules/submission.planDue"), "clerk", 200);
        int version = JsonPath.read(rule, "$.version");
        body(
                put("/api/v1/orgs/XJ/years/2025/rules/submission.planDue")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":true,\"param1\":3,\"param2\":15,\"source\":\"X局党组关于中心组学习报送工作的通知\","
                                + "\"version\":" + version + "}"),
                "clerk",
                200);
        matrix = body(get("/api/v1/orgs/XJ/years/2025/submissions"), "leader", 200);
        assertThat(cell(matrix, "XJ-05", "MEMBER_LIST", "dueOn")).isEqualTo("2025-03-15");
        assertThat(cell(matrix, "XJ-05", "ANNUAL_PLAN", "dueOn")).isEqualTo("2025-03-15");
        assertThat(cell(matrix, "XJ-03", "MEMBER_LIST", "dueOn")).isEqualTo("2025-01-31");
        assertThat(cell(matrix, "XJ-03", "MEMBER_LIST", "late")).isEqualTo(true);

        // a unit sees its own filings, never the matrix of the bureau
        String own = body(get("/api/v1/orgs/XJ-01/years/2025/submissions"), "unitclerk", 200);
        assertThat(JsonPath.<List<String>>read(own, "$.own[?(@.kind == 'MEMBER_LIST')].state"))
                .containsExactly("ACCEPTED");
        assertThat(JsonPath.<List<Object>>read(own, "$.units")).isEmpty();
        call(get("/api/v1/orgs/XJ/years/2025/submissions"), "unitclerk").andExpect(status().isNotFound());
        call(get("/api/v1/orgs/XJ/years/2025/submissions"), "member").andExpect(status().isForbidden());
    }

    @Test
    void aUnitFilesItsMemberListOnceTheBureauReturnsItThenAcceptsTheNextFiling() throws Exception {
        jdbc.sql("delete from liaison_submission where unit_org_id = (select id from org_unit where code = 'XJ-01')")
                .update();
        String filed = body(file("XJ-01", "MEMBER_LIST", 2025), "unitclerk", 201);
        long id = ((Number) JsonPath.read(filed, "$.id")).longValue();
        assertThat((String) JsonPath.read(filed, "$.superiorCode")).isEqualTo("XJ");
        assertThat((String) JsonPath.read(filed, "$.status")).isEqualTo("SUBMITTED");
        // the document is the unit's own member list, made from its group: nothing typed again
        byte[] xlsx = call(get("/api/v1/submissions/" + id + "/file"), "clerk")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        long members = jdbc.sql("select count(*) from org_membership m join org_unit u on u.id = m.org_id"
                        + " where u.code = 'XJ-01' and m.study_year = 2025")
                .query(Long.class)
                .single();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo((int) members);
        }
        call(file("XJ-01", "MEMBER_LIST", 2025), "unitclerk")
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("正等待上级审核")));

        // the unit never decides its own filing; a return needs its reason
        call(decide(id, "accept", 0, "{}"), "unitclerk").andExpect(status().isForbidden());
        call(decide(id, "return", 0, "{}"), "clerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("退回意见")));
        String returned = body(decide(id, "return", 0, "{\"comment\":\"请补充职务\"}"), "clerk", 200);
        assertThat((String) JsonPath.read(returned, "$.status")).isEqualTo("RETURNED");
        String todos = body(get("/api/v1/me/todos"), "unitclerk", 200);
        assertThat(JsonPath.<List<String>>read(todos, "$[?(@.kind == 'submission.returned')].title"))
                .containsExactly("2025年中心组成员名册被上级退回，请修改后重新报送");

        long again = ((Number) JsonPath.read(body(file("XJ-01", "MEMBER_LIST", 2025), "unitclerk", 201), "$.id"))
                .longValue();
        todos = body(get("/api/v1/me/todos"), "clerk", 200);
        assertThat(JsonPath.<List<String>>read(todos, "$[?(@.kind == 'submission.waiting')].title"))
                .isNotEmpty();
        call(decide(again, "accept", 5, "{}"), "clerk").andExpect(status().isConflict());
        String accepted = body(decide(again, "accept", 0, "{}"), "clerk", 200);
        assertThat((String) JsonPath.read(accepted, "$.status")).isEqualTo("ACCEPTED");
        call(decide(again, "return", 1, "{\"comment\":\"x\"}"), "clerk").andExpect(status().isUnprocessableContent());
        call(file("XJ-01", "MEMBER_LIST", 2025), "unitclerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("无需再次报送")));
        assertThat(jdbc.sql("select count(*) from common_audit_event where object_type = '报送' and object_id in (?, ?)")
                        .param(String.valueOf(id))
                        .param(String.valueOf(again))
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void onlyFinalDocumentsAreFiledAndOnlyUpward() throws Exception {
        call(file("XJ-01", "ANNUAL_REPORT", 2025), "unitclerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("尚未定稿")));
        call(file("XJ-01", "HALF_YEAR_REPORT", 2025), "unitclerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("2025年上半年中心组学习情况报告尚未定稿")));
        call(file("XJ-01", "MEMBER_LIST", 2024), "unitclerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("尚未配备成员")));
        call(file("XJ", "MEMBER_LIST", 2025), "clerk")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("没有上级单位")));
        call(
                        post("/api/v1/orgs/XJ-01/submissions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"kind\":null}"),
                        "unitclerk")
                .andExpect(status().isBadRequest());
        call(
                        post("/api/v1/orgs/XJ-01/submissions")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"kind\":\"MEMBER_LIST\",\"year\":2025}"),
                        "clerk")
                .andExpect(status().isNotFound());
        long other = jdbc.sql("select s.id from liaison_submission s join org_unit u on u.id = s.unit_org_id"
                        + " where u.code = 'XJ-02'")
                .query(Long.class)
                .single();
        call(get("/api/v1/submissions/" + other), "unitclerk").andExpect(status().isNotFound());
        call(get("/api/v1/submissions/" + other + "/file"), "unitclerk").andExpect(status().isNotFound());
    }

    @Test
    void thePageShowsTheMatrixAndTheUnitsOwnFilings() throws Exception {
        call(get("/submissions"), "clerk")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"matrix\"")))
                .andExpect(content().string(containsString("逾期未报")));
        call(get("/submissions"), "unitclerk")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"own\"")))
                .andExpect(content().string(containsString("已通过")));
    }

    private MockHttpServletRequestBuilder file(String org, String kind, int year) {
        return post("/api/v1/orgs/" + org + "/submissions")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"" + kind + "\",\"year\":" + year + "}");
    }

    private MockHttpServletRequestBuilder decide(long id, String how, long version, String json) {
        return post("/api/v1/submissions/" + id + "/" + how + "?version=" + version)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }

    private static Object cell(String matrix, String unit, String kind, String field) {
        List<Object> found =
                JsonPath.read(matrix, "$.units[?(@.unitCode == '" + unit + "')].cells." + kind + "." + field);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(as(accounts, user)).with(csrf().asHeader()));
    }

    private String body(MockHttpServletRequestBuilder request, String user, int expected) throws Exception {
        return call(request, user)
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private int children() {
        return jdbc.sql("select count(*) from org_unit where active = true and parent_id = (select id from org_unit"
                        + " where code = 'XJ')")
                .query(Integer.class)
                .single();
    }
}
