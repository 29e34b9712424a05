package cn.studyledger.config;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A delivery whose listener failed stays incomplete in the event publication registry and is delivered again by the
 * resubmission job ({@link EventsConfig#resubmit()}), which completes it: here the rules' re-evaluation after a
 * session is entered fails once because another transaction holds the year's evaluation row past the database's lock
 * timeout. Same configuration as {@code RulesFollowTheRecordsTests} (the re-evaluation on); its writes commit, so
 * the data is put back after the test.
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
@TestPropertySource(properties = "ledger.rules.reevaluate-on-change=true")
class FailedDeliveriesAreResubmittedTests {

    @Autowired
    EventsConfig events;

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aReEvaluationThatFailedOnceIsResubmittedAndCompletes() throws Exception {
        // the first look at the year's findings evaluates it and stores the year's evaluation row
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/findings").with(as(accounts, "clerk")))
                .andExpect(status().isOk());
        awaitNoIncompleteDelivery();
        Evaluation before = evaluation();

        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("""
                    select e.id from rules_evaluation e join org_unit o on o.id = e.org_id
                    where o.code = 'XJ' and e.rule_year = 2025 for update""")) {
                assertThat(lock.executeQuery().next())
                        .as("the year was evaluated")
                        .isTrue();
            }
            enterASession();
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () -> assertThat(jdbc.sql("""
                                    select count(*) from event_publication
                                    where completion_date is null and status = 'FAILED'""").query(Long.class).single())
                                    .as("the re-evaluation gave up waiting for the locked row")
                                    .isEqualTo(1));
            holder.rollback();
        }
        assertThat(evaluation()).isEqualTo(before);

        // resubmission takes deliveries older than ledger.events.resubmit-after (5 minutes): this one is, by now
        jdbc.sql("update event_publication set publication_date = publication_date - interval '10' minute"
                        + " where completion_date is null")
                .update();
        events.resubmit();

        awaitNoIncompleteDelivery();
        Evaluation after = evaluation();
        assertThat(after.runKind()).isEqualTo("ON_CHANGE");
        assertThat(after.evaluatedAt()).isAfter(before.evaluatedAt());
    }

    record Evaluation(LocalDateTime evaluatedAt, String runKind) {}

    /** When and by which run X局's 2025 was last evaluated. */
    private Evaluation evaluation() {
        return jdbc.sql("""
                        select e.evaluated_at, e.run_kind from rules_evaluation e join org_unit o on o.id = e.org_id
                        where o.code = 'XJ' and e.rule_year = 2025""")
                .query((rs, n) -> new Evaluation(rs.getTimestamp(1).toLocalDateTime(), rs.getString(2)))
                .single();
    }

    private void awaitNoIncompleteDelivery() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                jdbc.sql("select count(*) from event_publication where completion_date is null")
                                        .query(Long.class)
                                        .single())
                        .isZero());
    }

    /** A new session of 2025 with an agenda: its AgendaChanged changes the year. */
    private void enterASession() throws Exception {
        mvc.perform(post("/api/v1/orgs/XJ/sessions")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"理论学习中心组集中学习","date":"2025-12-29","durationHours":2,"format":"COLLECTIVE",
                                 "agenda":[{"kind":"THEORY","title":"党的创新理论"}]}"""))
                .andExpect(status().isCreated());
    }
}
