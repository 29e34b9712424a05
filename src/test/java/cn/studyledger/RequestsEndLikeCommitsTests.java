package cn.studyledger;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * In a rolled-back test, each MockMvc request still starts from the database and leaves its changes written
 * ({@link RequestsEndLikeCommits}): a change made behind the application's back between two requests is what the
 * second one shows, not the entity the first one left in the shared Hibernate session.
 */
@IntegrationTest
@Transactional
class RequestsEndLikeCommitsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachRequestReadsTheDatabaseAndLeavesWhatItChangedWritten() throws Exception {
        mvc.perform(post("/people")
                        .param("org", "XJ")
                        .param("name", "会话测试对象")
                        .param("position", "科员")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from org_person where name = '会话测试对象'")
                .query(Long.class)
                .single();
        assertThat(editForm(id)).contains("value=\"科员\"");

        jdbc.sql("update org_person set position = '只在数据库里改的职务' where id = ?")
                .param(id)
                .update();
        String form = editForm(id);
        assertThat(form).contains("value=\"只在数据库里改的职务\"");

        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(form);
        assertThat(version.find()).isTrue();
        mvc.perform(post("/people/" + id)
                        .param("version", version.group(1))
                        .param("name", "会话测试对象")
                        .param("position", "页面保存的职务")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select position from org_person where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("页面保存的职务");
    }

    private String editForm(long id) throws Exception {
        return mvc.perform(get("/people/" + id + "/edit").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
