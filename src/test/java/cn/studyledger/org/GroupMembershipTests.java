package cn.studyledger.org;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
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
 * The clerk keeps the yearly make-up of the central group on /group, for the working year of the session. The
 * additions here go into 2026 (after switching the working year) so that the 2025 group the figures and other
 * tests count stays as the demo data has it.
 */
@IntegrationTest
@Transactional
class GroupMembershipTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void groupPageShowsTheWorkingYear2025ByDefault() throws Exception {
        mvc.perform(get("/group").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>X局</span> <span>2025</span>年度理论学习中心组")))
                .andExpect(content().string(containsString("王建国")))
                .andExpect(content().string(containsString("组长")));
    }

    @Test
    void clerkAddsAPersonToTheGroupOfTheWorkingYearAndRemovesThem() throws Exception {
        long person = createPerson("入组测试甲");
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/context")
                        .session(session)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("orgCode", "XJ")
                        .param("year", "2026"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(post("/group")
                        .session(session)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("personId", String.valueOf(person))
                        .param("role", "MEMBER"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/group"));
        assertThat(roles(person)).containsExactly("2026 MEMBER");
        mvc.perform(get("/group").session(session).with(as(accounts, "clerk")))
                .andExpect(content().string(containsString("<span>2026</span>年度理论学习中心组")))
                .andExpect(content().string(containsString("<td>入组测试甲</td>")));

        mvc.perform(post("/group/" + person + "/remove")
                        .session(session)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/group"));
        assertThat(roles(person)).isEmpty();
        mvc.perform(get("/group").session(session).with(as(accounts, "clerk")))
                .andExpect(content().string(not(containsString("<td>入组测试甲</td>"))));
        assertThat(jdbc.sql("select action from common_audit_event where object_type = '中心组成员'"
                                + " and object_id = ? order by id")
                        .param(String.valueOf(person))
                        .query(String.class)
                        .list())
                .containsExactly("UPDATE", "DELETE");
    }

    @Test
    void secondLeaderIsRefusedWithAClearMessage() throws Exception {
        long person = createPerson("组长候选乙");
        mvc.perform(post("/group")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("personId", String.valueOf(person))
                        .param("role", "LEADER"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("2025年度中心组已有组长，请先调整原组长")));
        assertThat(roles(person)).isEmpty();
        assertThat(jdbc.sql("""
                        select count(*) from org_membership m join org_unit o on o.id = m.org_id
                         where o.code = 'XJ' and m.study_year = 2025 and m.role = 'LEADER'""").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void personOfAnotherOrganisationCannotJoin() throws Exception {
        long unitPerson = jdbc.sql("select min(p.id) from org_person p join org_unit o on o.id = p.org_id"
                        + " where o.code = 'XJ-01'")
                .query(Long.class)
                .single();
        mvc.perform(post("/group")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("personId", String.valueOf(unitPerson))
                        .param("role", "MEMBER"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("只能安排本单位在职人员加入中心组")));
    }

    @Test
    void memberCannotChangeTheGroup() throws Exception {
        long person = createPerson("无权加入丙");
        mvc.perform(post("/group")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("personId", String.valueOf(person))
                        .param("role", "MEMBER"))
                .andExpect(status().isForbidden());
        long zhangWei = jdbc.sql("select id from org_person where name = '张伟'")
                .query(Long.class)
                .single();
        mvc.perform(post("/group/" + zhangWei + "/remove")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        assertThat(roles(person)).isEmpty();
        assertThat(roles(zhangWei)).contains("2025 MEMBER", "2026 MEMBER");
    }

    private long createPerson(String name) throws Exception {
        String created = mvc.perform(post("/api/v1/orgs/XJ/people")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"position\":\"测试职务\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private List<String> roles(long person) {
        return jdbc.sql("select study_year, role from org_membership where person_id = ? order by study_year")
                .param(person)
                .query((rs, n) -> rs.getInt("study_year") + " " + rs.getString("role"))
                .list();
    }
}
