package cn.studyledger.org;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Through the pages, as two people would: the clerk and the administrator both open the edit form of the same
 * person, the clerk saves first, the administrator's save is refused with "已被他人修改" (409) and the clerk's
 * change is kept.
 */
@IntegrationTest
@Transactional
class SecondEditorOfAPersonGetsAConflictPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSecondSaveOfTheSameFormIsRefusedAndTheFirstIsKept() throws Exception {
        mvc.perform(post("/people")
                        .param("org", "XJ")
                        .param("name", "并发编辑对象")
                        .param("position", "科员")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from org_person where name = '并发编辑对象'")
                .query(Long.class)
                .single();

        String clerkSaw = versionInForm("clerk", id);
        String adminSaw = versionInForm("admin", id);
        assertThat(adminSaw).isEqualTo(clerkSaw);

        mvc.perform(post("/people/" + id)
                        .param("version", clerkSaw)
                        .param("name", "并发编辑对象")
                        .param("position", "秘书修改的职务")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/people/" + id)
                        .param("version", adminSaw)
                        .param("name", "并发编辑对象")
                        .param("position", "管理员修改的职务")
                        .with(as(accounts, "admin"))
                        .with(csrf().asHeader()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("已被他人修改")));

        assertThat(jdbc.sql("select position from org_person where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("秘书修改的职务");
    }

    private String versionInForm(String username, long id) throws Exception {
        String form = mvc.perform(get("/people/" + id + "/edit").with(as(accounts, username)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(form);
        assertThat(version.find()).isTrue();
        return version.group(1);
    }
}
