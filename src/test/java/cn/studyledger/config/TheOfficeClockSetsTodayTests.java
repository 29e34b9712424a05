package cn.studyledger.config;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import cn.studyledger.common.time.OfficeTime;
import cn.studyledger.selfstudy.domain.SelfStudyTotals;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A test sets the date by replacing the {@code Clock} bean: "today" of a form, the stamps of the stored record and
 * its audit line are that clock's, and "not after today" is judged by it (a date after the clock's day is refused,
 * however long ago it was). Its own context and database (the clock makes the difference); what it writes it removes.
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class TheOfficeClockSetsTodayTests {

    /** After the demo year, which the demo data takes to be over (tasks done in December 2025). */
    static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 10, 9, 30);

    @TestBean
    Clock clock;

    static Clock clock() {
        return Clock.fixed(NOW.atZone(OfficeTime.ZONE).toInstant(), OfficeTime.ZONE);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSelfStudyEntryIsOfTheClocksDayAndTime() throws Exception {
        mvc.perform(get("/selfstudy/new").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"2026-03-10\"")));

        String content = "按设定时钟登记的自学 " + UUID.randomUUID();
        mvc.perform(post("/selfstudy")
                        .with(as(accounts, "member"))
                        .with(csrf())
                        .param("date", "2026-03-10")
                        .param("hours", "1.5")
                        .param("content", content))
                .andExpect(status().is3xxRedirection());
        try {
            long id = jdbc.sql("select id from selfstudy_entry where content = ?")
                    .param(content)
                    .query(Long.class)
                    .single();
            assertThat(jdbc.sql("select created_at from selfstudy_entry where id = ?")
                            .param(id)
                            .query(LocalDateTime.class)
                            .single())
                    .isEqualTo(NOW);
            assertThat(jdbc.sql("select occurred_at from common_audit_event where object_type = '个人自学'"
                                    + " and object_id = ? and action = 'CREATE'")
                            .param(String.valueOf(id))
                            .query(LocalDateTime.class)
                            .single())
                    .isEqualTo(NOW);
        } finally {
            jdbc.sql("delete from selfstudy_entry where content = ?")
                    .param(content)
                    .update();
            SelfStudyTotals.REBUILD.forEach(sql -> jdbc.sql(sql).update());
        }

        mvc.perform(post("/selfstudy")
                        .with(as(accounts, "member"))
                        .with(csrf())
                        .param("date", "2026-03-11")
                        .param("hours", "1.5")
                        .param("content", content))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("学习日期不能晚于今天")));
        assertThat(jdbc.sql("select count(*) from selfstudy_entry where content = ?")
                        .param(content)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
