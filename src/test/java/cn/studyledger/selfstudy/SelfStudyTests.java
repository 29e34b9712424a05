package cn.studyledger.selfstudy;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-study: a member logs and changes only their own entries and sees only their own; the clerk sees the
 * whole group's; the year's self-study hours move with every entry.
 */
@IntegrationTest
@Transactional
class SelfStudyTests {

    static final String ENTRIES = "/api/v1/orgs/XJ/selfstudy";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    long zhangWei;
    long wangJianguo;

    @BeforeEach
    void findPeople() {
        zhangWei = person("张伟");
        wangJianguo = person("王建国");
    }

    @Test
    void memberLogsOwnStudyAndTheYearsHoursGrowByExactlyThatMuch() throws Exception {
        BigDecimal before = selfStudyHours();
        String created = create("member", "{\"date\":\"2025-06-01\",\"hours\":2.5,\"content\":\"研读《习近平生态文明思想学习纲要》\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.personId").value(zhangWei))
                .andExpect(jsonPath("$.personName").value("张伟"))
                .andExpect(jsonPath("$.hours").value(2.5))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();

        assertThat(selfStudyHours()).isEqualByComparingTo(before.add(new BigDecimal("2.5")));
        assertThat(audit(id)).containsExactly("CREATE");
    }

    @Test
    void hoursOutOfRangeAreRefusedWithTheFieldError() throws Exception {
        long before = entries();
        create("member", "{\"date\":\"2025-06-02\",\"hours\":25,\"content\":\"通宵学习\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field=='hours')].message").value("学时不超过24"));
        create("member", "{\"date\":\"2025-06-02\",\"hours\":0.2,\"content\":\"浏览标题\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='hours')].message").value("学时不少于0.5"));
        mvc.perform(post("/selfstudy")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("date", "2025-06-02")
                        .param("hours", "25")
                        .param("content", "通宵学习"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("学时不超过24")));
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void memberCannotLogForSomeoneElse() throws Exception {
        long before = entries();
        create("member", "{\"personId\":" + wangJianguo + ",\"date\":\"2025-06-03\",\"hours\":2,\"content\":\"代登\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://studyledger.cn/problems/forbidden"));
        assertThat(entries()).isEqualTo(before);
    }

    @Test
    void memberSeesOnlyOwnEntriesAndTheClerkSeesTheWholeGroup() throws Exception {
        create("member", "{\"date\":\"2025-07-01\",\"hours\":1.5,\"content\":\"本人自学\"}")
                .andExpect(status().isCreated());

        String own = mvc.perform(
                        get(ENTRIES).param("year", "2025").param("size", "100").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Number> ownPeople = JsonPath.read(own, "$.items[*].personId");
        assertThat(ownPeople)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.longValue()).isEqualTo(zhangWei));
        assertThat(((Number) JsonPath.read(own, "$.total")).longValue())
                .isEqualTo(jdbc.sql("select count(*) from selfstudy_entry where person_id = ?"
                                + " and study_date between '2025-01-01' and '2025-12-31'")
                        .param(zhangWei)
                        .query(Long.class)
                        .single());

        // asking for someone else's entries does not widen a member's view
        String filtered = mvc.perform(get(ENTRIES)
                        .param("year", "2025")
                        .param("person", String.valueOf(wangJianguo))
                        .with(as(accounts, "member")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Number> filteredPeople = JsonPath.read(filtered, "$.items[*].personId");
        assertThat(filteredPeople).allSatisfy(p -> assertThat(p.longValue()).isEqualTo(zhangWei));

        String all = mvc.perform(
                        get(ENTRIES).param("year", "2025").param("size", "100").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Number> allPeople = JsonPath.read(all, "$.items[*].personId");
        assertThat(new HashSet<>(allPeople.stream().map(Number::longValue).toList()))
                .hasSizeGreaterThan(2);
        mvc.perform(get(ENTRIES)
                        .param("year", "2025")
                        .param("person", String.valueOf(wangJianguo))
                        .with(as(accounts, "clerk")))
                .andExpect(jsonPath("$.items[0].personName").value("王建国"));
    }

    @Test
    void memberCannotChangeOrDeleteOthersEntries() throws Exception {
        String clerks = create("clerk", "{\"date\":\"2025-08-01\",\"hours\":3,\"content\":\"秘书本人自学\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long clerkEntry = ((Number) JsonPath.read(clerks, "$.id")).longValue();
        long leaderEntry = jdbc.sql("select min(id) from selfstudy_entry where person_id = ?")
                .param(wangJianguo)
                .query(Long.class)
                .single();

        for (long id : new long[] {clerkEntry, leaderEntry}) {
            String hours = hours(id).toPlainString();
            mvc.perform(put("/api/v1/selfstudy/" + id)
                            .param("version", "0")
                            .with(as(accounts, "member"))
                            .with(csrf().asHeader())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"date\":\"2025-08-02\",\"hours\":24,\"content\":\"篡改\"}"))
                    .andExpect(status().isNotFound());
            mvc.perform(delete("/api/v1/selfstudy/" + id)
                            .with(as(accounts, "member"))
                            .with(csrf().asHeader()))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/selfstudy/" + id + "/delete")
                            .with(as(accounts, "member"))
                            .with(csrf().asHeader()))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/selfstudy/" + id + "/edit").with(as(accounts, "member")))
                    .andExpect(status().isNotFound());
            assertThat(hours(id).toPlainString()).isEqualTo(hours);
        }
    }

    @Test
    void deleteRemovesTheEntryAndIsAudited() throws Exception {
        BigDecimal before = selfStudyHours();
        String created = create("member", "{\"date\":\"2025-09-01\",\"hours\":4,\"content\":\"将被删除\"}")
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();

        mvc.perform(delete("/api/v1/selfstudy/" + id)
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNoContent());

        assertThat(jdbc.sql("select count(*) from selfstudy_entry where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(audit(id)).containsExactly("CREATE", "DELETE");
        assertThat(selfStudyHours()).isEqualByComparingTo(before);
    }

    @Test
    void memberLogsAndEditsOwnStudyOnThePages() throws Exception {
        mvc.perform(post("/selfstudy")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("date", "2025-10-08")
                        .param("hours", "1.5")
                        .param("content", "页面登记的自学"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/selfstudy"));
        long id = jdbc.sql("select id from selfstudy_entry where content = '页面登记的自学'")
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select person_id from selfstudy_entry where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(zhangWei);

        mvc.perform(get("/selfstudy/" + id + "/edit").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"2025-10-08\"")))
                .andExpect(content().string(containsString("页面登记的自学")));
        mvc.perform(post("/selfstudy/" + id)
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("date", "2025-10-09")
                        .param("hours", "2")
                        .param("content", "页面登记的自学（修改）"))
                .andExpect(status().is3xxRedirection());
        assertThat(hours(id)).isEqualByComparingTo("2");
        assertThat(audit(id)).containsExactly("CREATE", "UPDATE");
    }

    @Test
    void aSecondEntryTakingTheDayPastTwentyFourHoursIsRefusedWithTheDaysTotal() throws Exception {
        create("member", "{\"date\":\"2025-06-20\",\"hours\":20,\"content\":\"上午至深夜\"}")
                .andExpect(status().isCreated());
        long before = entries();
        create("member", "{\"date\":\"2025-06-20\",\"hours\":20,\"content\":\"又二十学时\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(
                        jsonPath("$.detail").value("张伟2025年6月20日已登记个人自学20学时，再登记20学时将超过每日累计24学时的上限（依据：本单位中心组学习实施办法）"));
        mvc.perform(post("/selfstudy")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("date", "2025-06-20")
                        .param("hours", "4.5")
                        .param("content", "页面再登记"))
                .andExpect(content().string(containsString("将超过每日累计24学时的上限")));
        assertThat(entries()).isEqualTo(before);

        create("member", "{\"date\":\"2025-06-20\",\"hours\":4,\"content\":\"正好二十四学时\"}")
                .andExpect(status().isCreated());
    }

    @Test
    void anEditIsAddedUpWithTheOtherEntriesOfItsNewDayButNotWithItself() throws Exception {
        create("member", "{\"date\":\"2025-06-20\",\"hours\":20,\"content\":\"二十学时\"}")
                .andExpect(status().isCreated());
        String other = create("member", "{\"date\":\"2025-06-21\",\"hours\":10,\"content\":\"次日十学时\"}")
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) JsonPath.read(other, "$.id")).longValue();

        edit(id, 0, "{\"date\":\"2025-06-20\",\"hours\":10,\"content\":\"挪到前一天\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("已登记个人自学20学时，再登记10学时")));
        edit(id, 0, "{\"date\":\"2025-06-21\",\"hours\":24,\"content\":\"当天改为二十四学时\"}")
                .andExpect(status().isOk());
        assertThat(hours(id)).isEqualByComparingTo("24");
    }

    @Test
    void theDailyLimitIsTheYearsRuleWithItsSource() throws Exception {
        String rule = mvc.perform(get("/api/v1/orgs/XJ/years/2025/rules/selfstudy.dailyHours")
                        .with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.param1").value(24))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long version = ((Number) JsonPath.read(rule, "$.version")).longValue();
        mvc.perform(put("/api/v1/orgs/XJ/years/2025/rules/selfstudy.dailyHours")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"enabled\":true,\"param1\":8,\"source\":\"本局学习制度第五条\",\"version\":" + version + "}"))
                .andExpect(status().isOk());

        create("member", "{\"date\":\"2025-06-20\",\"hours\":8.5,\"content\":\"八个半学时\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("将超过每日累计8学时的上限（依据：本局学习制度第五条）")));
        create("member", "{\"date\":\"2025-06-20\",\"hours\":8,\"content\":\"八学时\"}")
                .andExpect(status().isCreated());
    }

    private ResultActions edit(long id, long version, String json) throws Exception {
        return mvc.perform(put("/api/v1/selfstudy/" + id)
                .param("version", String.valueOf(version))
                .with(as(accounts, "member"))
                .with(csrf().asHeader())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions create(String username, String json) throws Exception {
        return mvc.perform(post(ENTRIES)
                .with(as(accounts, username))
                .with(csrf().asHeader())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private BigDecimal selfStudyHours() throws Exception {
        String json = mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Object> values = JsonPath.read(json, "$[?(@.key=='selfstudy.hours')].value");
        return new BigDecimal(values.get(0).toString());
    }

    private BigDecimal hours(long id) {
        return jdbc.sql("select hours from selfstudy_entry where id = ?")
                .param(id)
                .query(BigDecimal.class)
                .single();
    }

    private long entries() {
        return jdbc.sql("select count(*) from selfstudy_entry")
                .query(Long.class)
                .single();
    }

    private long person(String name) {
        return jdbc.sql("select p.id from org_person p join org_unit o on o.id = p.org_id"
                        + " where o.code = 'XJ' and p.name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private List<String> audit(long id) {
        return jdbc.sql(
                        "select action from common_audit_event where object_type = '个人自学' and object_id = ? order by id")
                .param(String.valueOf(id))
                .query(String.class)
                .list();
    }
}
