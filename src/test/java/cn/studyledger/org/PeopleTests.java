package cn.studyledger.org;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** The clerk keeps the people of the bureau: search, create, edit, deactivate, through the pages and the API. */
@IntegrationTest
@Transactional
class PeopleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void clerkFindsPeopleOfTheBureauByNameOrPosition() throws Exception {
        mvc.perform(get("/people").param("org", "XJ").param("q", "张伟").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("党组成员、副局长")))
                .andExpect(content().string(not(containsString("王建国"))));
        mvc.perform(get("/people").param("org", "XJ").param("q", "教授").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("黄立新")))
                .andExpect(content().string(containsString("曹敏")))
                .andExpect(content().string(not(containsString("张伟"))));
        mvc.perform(get("/people")
                        .param("org", "XJ")
                        .param("q", "教授")
                        .header("HX-Request", "true")
                        .with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("黄立新")))
                .andExpect(content().string(not(containsString("class=\"sidebar\""))));

        mvc.perform(get("/api/v1/orgs/XJ/people").param("q", "张伟").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].name").value("张伟"))
                .andExpect(jsonPath("$.items[0].position").value("党组成员、副局长"));
        mvc.perform(get("/api/v1/orgs/XJ/people").param("q", "教授").with(as(accounts, "clerk")))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/v1/orgs/XJ/people").param("size", "100").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(greaterThanOrEqualTo(25)))
                .andExpect(jsonPath("$.items[?(@.name=='冯佳')].youthCadre").value(true));
    }

    @Test
    void clerkCreatesAndEditsAPersonOnThePagesAndBothAreAudited() throws Exception {
        mvc.perform(post("/people")
                        .param("org", "XJ")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("name", "页面新增甲")
                        .param("position", "法规处副处长")
                        .param("birthDate", "1990-04-01")
                        .param("youthCadre", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/people?org=XJ"));
        long id = personId("页面新增甲");
        assertThat(jdbc.sql("select birth_date from org_person where id = ?")
                        .param(id)
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.of(1990, 4, 1));
        assertThat(jdbc.sql("select youth_cadre from org_person where id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        mvc.perform(get("/people/" + id + "/edit").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"页面新增甲\"")))
                .andExpect(content().string(containsString("value=\"1990-04-01\"")));
        mvc.perform(post("/people/" + id)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("version", "0")
                        .param("name", "页面新增甲")
                        .param("position", "法规处处长")
                        .param("birthDate", "1990-04-01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/people?org=XJ"));
        assertThat(jdbc.sql("select position from org_person where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("法规处处长");
        assertThat(auditActions(id)).containsExactly("CREATE", "UPDATE");
    }

    @Test
    void apiEditWithAStaleVersionIsAConflictAndLosesNothing() throws Exception {
        String created = mvc.perform(post("/api/v1/orgs/XJ/people")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"接口新增乙\",\"position\":\"科员\",\"birthDate\":\"1993-02-03\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("接口新增乙"))
                .andExpect(jsonPath("$.active").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        int id = JsonPath.read(created, "$.id");
        int version = JsonPath.read(created, "$.version");

        mvc.perform(put("/api/v1/people/" + id)
                        .param("version", String.valueOf(version))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"接口新增乙\",\"position\":\"第一位编辑\",\"youthCadre\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.position").value("第一位编辑"))
                .andExpect(jsonPath("$.youthCadre").value(true));
        mvc.perform(put("/api/v1/people/" + id)
                        .param("version", String.valueOf(version))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"接口新增乙\",\"position\":\"第二位编辑\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://studyledger.cn/problems/conflict"))
                .andExpect(jsonPath("$.detail", containsString("已被他人修改")));

        assertThat(jdbc.sql("select position from org_person where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("第一位编辑");
        assertThat(auditActions(id)).containsExactly("CREATE", "UPDATE");
    }

    @Test
    void deactivatedPersonDisappearsFromTheDefaultList() throws Exception {
        long id = createByApi("待停用丙");
        mvc.perform(post("/people/" + id + "/deactivate")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/people?org=XJ"));

        mvc.perform(get("/people").param("org", "XJ").param("q", "待停用").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("待停用丙"))));
        mvc.perform(get("/api/v1/orgs/XJ/people").param("q", "待停用").with(as(accounts, "clerk")))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/people")
                        .param("org", "XJ")
                        .param("q", "待停用")
                        .param("inactive", "true")
                        .with(as(accounts, "clerk")))
                .andExpect(content().string(containsString("待停用丙")))
                .andExpect(content().string(containsString("已停用")));
        assertThat(jdbc.sql("select active from org_person where id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    void invalidPersonIsRefusedWithChineseMessagesAndNothingIsSaved() throws Exception {
        long before = people();
        String tomorrow = LocalDate.now().plusDays(2).toString();
        mvc.perform(post("/people")
                        .param("org", "XJ")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("name", " ")
                        .param("birthDate", tomorrow))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写姓名")))
                .andExpect(content().string(containsString("出生日期不能晚于今天")));
        mvc.perform(post("/api/v1/orgs/XJ/people")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"birthDate\":\"" + tomorrow + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://studyledger.cn/problems/validation"))
                .andExpect(jsonPath("$.errors[?(@.field=='name')].message").value("请填写姓名"))
                .andExpect(jsonPath("$.errors[?(@.field=='birthDate')].message").value("出生日期不能晚于今天"));
        assertThat(people()).isEqualTo(before);
    }

    @Test
    void memberAndUnitClerkCannotChangeTheBureausPeople() throws Exception {
        long id = createByApi("受保护丁");
        mvc.perform(post("/people/" + id + "/deactivate")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/people/" + id + "/deactivate")
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/people/" + id)
                        .param("version", "0")
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"越权\"}"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select name from org_person where id = ? and active = true")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("受保护丁");
    }

    private long createByApi(String name) throws Exception {
        String created = mvc.perform(post("/api/v1/orgs/XJ/people")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private long personId(String name) {
        return jdbc.sql("select id from org_person where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private long people() {
        return jdbc.sql("select count(*) from org_person").query(Long.class).single();
    }

    private List<String> auditActions(long personId) {
        return jdbc.sql("select action from common_audit_event where object_type = '人员' and object_id = ? order by id")
                .param(String.valueOf(personId))
                .query(String.class)
                .list();
    }
}
