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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
 * 原著研读 (books read): a member records their own books, the clerk any member's; a stale version is a 409, bad
 * input a 400/422 with the reason; another organisation's users see and change nothing; the figure books.read is
 * exactly its evidence, and the rule books.perMember names who read too few. Rolled back afterwards.
 */
@IntegrationTest
@Transactional
class BookTests {

    static final String BOOKS = "/api/v1/orgs/XJ/books";
    static final String FIGURES = "/api/v1/orgs/XJ/years/2025/figures";

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
    void memberRecordsTheirOwnBookAndTheClerkOneForAMember() throws Exception {
        long own = id(create("member", 2025, book(null, "反杜林论", "2025-03-01", "2025-04-20"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.personName").value("张伟"))
                .andExpect(jsonPath("$.version").value(0)));
        assertThat(column(own, "person_id")).isEqualTo(zhangWei);
        assertThat(column(own, "book_year")).isEqualTo(2025L);
        assertThat(audit(own)).containsExactly("CREATE");

        long forLeader = id(create("clerk", 2025, book(wangJianguo, "资本论（第一卷）", "2025-05-01", null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.finishedOn").doesNotExist()));
        assertThat(column(forLeader, "person_id")).isEqualTo(wangJianguo);

        // a member records only for themself
        create("member", 2025, book(wangJianguo, "代人登记", "2025-05-01", null)).andExpect(status().isForbidden());

        // the member lists their own, the clerk the group's; the title search finds it
        assertThat(listedIds("member", "")).contains(own).doesNotContain(forLeader);
        assertThat(listedIds("clerk", "")).contains(own, forLeader);
        assertThat(listedIds("clerk", "资本")).contains(forLeader).doesNotContain(own);
        assertThat(listedIds("clerk", "100%")).isEmpty();
    }

    @Test
    void anEditTakesTheVersionAndAStaleVersionIsAConflict() throws Exception {
        long id = id(create("member", 2025, book(null, "哥达纲领批判", "2025-02-01", null)));
        edit("member", id, 0, book(null, "哥达纲领批判", "2025-02-01", "2025-03-15"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.finishedOn").value("2025-03-15"))
                .andExpect(jsonPath("$.version").value(1));
        edit("member", id, 0, book(null, "改回在读", "2025-02-01", null)).andExpect(status().isConflict());
        assertThat(title(id)).isEqualTo("哥达纲领批判");

        mvc.perform(delete("/api/v1/books/" + id)
                        .param("version", "0")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/books/" + id)
                        .param("version", "1")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/books/" + id).with(as(accounts, "member"))).andExpect(status().isNotFound());
        assertThat(audit(id)).containsExactly("CREATE", "UPDATE", "DELETE");
    }

    @Test
    void badInputIsRefusedWithTheReasonAndSavesNothing() throws Exception {
        long before = count();
        create("member", 2025, book(null, " ", "2025-02-01", null))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写书名")));
        create("member", 2025, book(null, "读完早于开始", "2025-05-01", "2025-04-01"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("读完日期不能早于开始阅读日期"));
        create("member", 2025, book(null, "读完不在本年度", "2025-05-01", "2024-04-01"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("读完日期须在2025年内"));
        create("member", 2025, book(null, "开始晚于年度", "2026-01-05", null))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("开始阅读日期不能晚于2025年12月31日"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anotherOrganisationsUsersNeitherSeeNorChangeTheBureausBooks() throws Exception {
        long id = id(create("member", 2025, book(null, "国家与革命", "2025-02-01", "2025-03-01")));
        mvc.perform(get("/api/v1/books/" + id).with(as(accounts, "unitclerk"))).andExpect(status().isNotFound());
        edit("unitclerk", id, 0, book(null, "改名", "2025-02-01", null)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/books/" + id)
                        .param("version", "0")
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(get(BOOKS).param("year", "2025").with(as(accounts, "unitclerk")))
                .andExpect(status().is4xxClientError());
        create("unitclerk", 2025, book(zhangWei, "外单位代登记", "2025-02-01", null)).andExpect(status().is4xxClientError());
        // nor another member of the same group: their book is "not found" to a member
        mvc.perform(get("/api/v1/books/" + id).with(as(accounts, "deputy"))).andExpect(status().isNotFound());
        assertThat(title(id)).isEqualTo("国家与革命");
        assertThat(column(id, "version")).isZero();
    }

    @Test
    void theFigureCountsExactlyTheMembersFinishedBooksOfThePeriodAndPerPerson() throws Exception {
        long before = figure("");
        long finished = id(create("member", 2025, book(null, "家庭、私有制和国家的起源", "2025-01-10", "2025-02-10")));
        create("member", 2025, book(null, "在读不计", "2025-09-01", null)).andExpect(status().isCreated());
        assertThat(figure("")).isEqualTo(before + 1);

        String evidence = body(mvc.perform(get(FIGURES + "/books.read/evidence").with(as(accounts, "clerk"))));
        List<Number> ids = JsonPath.read(evidence, "$[*].id");
        assertThat(ids).hasSize((int) (before + 1));
        assertThat(ids.stream().map(Number::longValue)).contains(finished);
        assertThat(ids.stream().map(Number::longValue).collect(Collectors.toSet()))
                .isEqualTo(Set.copyOf(jdbc.sql("select b.id from selfstudy_book b join org_unit o on o.id = b.org_id"
                                + " where o.code = 'XJ' and b.finished_on between '2025-01-01' and '2025-12-31'"
                                + " and b.person_id in (select person_id from org_membership m where m.org_id = o.id"
                                + " and m.study_year = 2025 and m.role <> 'SECRETARY')")
                        .query(Long.class)
                        .list()));

        // the first half counts the books finished by 30 June
        long h1 = jdbc.sql(
                        "select count(*) from selfstudy_book b join org_unit o on o.id = b.org_id where o.code = 'XJ'"
                                + " and b.finished_on between '2025-01-01' and '2025-06-30' and b.person_id in (select person_id"
                                + " from org_membership m where m.org_id = o.id and m.study_year = 2025 and m.role <> 'SECRETARY')")
                .query(Long.class)
                .single();
        assertThat(figure("?period=H1")).isEqualTo(h1);

        // per person: the member's part, in the people's figures
        String people = body(
                mvc.perform(get("/api/v1/orgs/XJ/years/2025/people/figures").with(as(accounts, "clerk"))));
        List<Number> mine =
                JsonPath.read(people, "$[?(@.personId == " + zhangWei + ")].values[?(@.key == 'booksRead')].value");
        assertThat(mine.get(0).longValue()).isEqualTo(finishedBy(zhangWei));
    }

    @Test
    void theRuleNamesTheMembersWhoFinishedFewerBooksThanTheYearsSetting() throws Exception {
        String json = body(mvc.perform(post("/api/v1/orgs/XJ/years/2025/rules/evaluation")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk()));
        Map<Long, Long> counts = jdbc
                .sql("select m.person_id, (select count(*) from selfstudy_book b where"
                        + " b.person_id = m.person_id and b.org_id = m.org_id and b.finished_on between '2025-01-01'"
                        + " and '2025-12-31') from org_membership m join org_unit o on o.id = m.org_id"
                        + " where o.code = 'XJ' and m.study_year = 2025 and m.role <> 'SECRETARY'")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long short_ = counts.values().stream().filter(c -> c < 2).count();
        assertThat(short_).isPositive();
        List<String> findings = JsonPath.read(json, "$.findings[?(@.ruleKey == 'books.perMember')].finding");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0)).startsWith(short_ + "名成员全年研读原著少于2本");
        List<String> sources = JsonPath.read(json, "$.findings[?(@.ruleKey == 'books.perMember')].source");
        assertThat(sources.get(0)).contains("中心组学习制度");
    }

    @Test
    void thePageListsSearchesAndAddsBooks() throws Exception {
        mvc.perform(post("/books")
                        .param("title", "页面登记的原著")
                        .param("author", "马克思")
                        .param("startedOn", "2025-03-01")
                        .param("finishedOn", "")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/books").param("title", "页面登记").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("《页面登记的原著》")))
                .andExpect(content().string(containsString("在读")))
                .andExpect(content().string(containsString("data-confirm")));
        mvc.perform(get("/books").param("title", "没有这本书").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("暂无原著研读记录")));
        mvc.perform(post("/books")
                        .param("title", "")
                        .param("startedOn", "2025-03-01")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写书名")));
        mvc.perform(get("/selfstudy").with(as(accounts, "member")))
                .andExpect(content().string(containsString("href=\"/books\"")));
    }

    // ---- helpers ----

    static String book(Long personId, String title, String started, String finished) {
        return "{" + (personId == null ? "" : "\"personId\":" + personId + ",") + "\"title\":\"" + title
                + "\",\"author\":\"马克思\",\"startedOn\":\"" + started + "\""
                + (finished == null ? "" : ",\"finishedOn\":\"" + finished + "\"") + "}";
    }

    private ResultActions create(String username, int year, String json) throws Exception {
        return mvc.perform(post(BOOKS)
                .param("year", String.valueOf(year))
                .with(as(accounts, username))
                .with(csrf().asHeader())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions edit(String username, long id, long version, String json) throws Exception {
        return mvc.perform(put("/api/v1/books/" + id)
                .param("version", String.valueOf(version))
                .with(as(accounts, username))
                .with(csrf().asHeader())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private List<Long> listedIds(String username, String title) throws Exception {
        String json = body(mvc.perform(get(BOOKS)
                        .param("year", "2025")
                        .param("title", title)
                        .param("size", "100")
                        .with(as(accounts, username)))
                .andExpect(status().isOk()));
        List<Number> ids = JsonPath.read(json, "$.items[*].id");
        return ids.stream().map(Number::longValue).toList();
    }

    private long figure(String query) throws Exception {
        String json = body(mvc.perform(get(FIGURES + query).with(as(accounts, "clerk"))));
        List<Number> values = JsonPath.read(json, "$[?(@.key=='books.read')].value");
        return values.get(0).longValue();
    }

    private long finishedBy(long person) {
        return jdbc.sql("select count(*) from selfstudy_book where person_id = ?"
                        + " and finished_on between '2025-01-01' and '2025-12-31'")
                .param(person)
                .query(Long.class)
                .single();
    }

    private long id(ResultActions created) throws Exception {
        return ((Number) JsonPath.read(body(created.andExpect(status().isCreated())), "$.id")).longValue();
    }

    static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String title(long id) {
        return jdbc.sql("select title from selfstudy_book where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private long column(long id, String column) {
        return jdbc.sql("select " + column + " from selfstudy_book where id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    private long count() {
        return jdbc.sql("select count(*) from selfstudy_book").query(Long.class).single();
    }

    private long person(String name) {
        return jdbc.sql("select p.id from org_person p join org_unit o on o.id = p.org_id"
                        + " where o.code = 'XJ' and p.name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private List<String> audit(long id) {
        return jdbc.sql("select action from common_audit_event where object_type = '原著研读' and object_id = ?"
                        + " order by id")
                .param(String.valueOf(id))
                .query(String.class)
                .list();
    }
}
