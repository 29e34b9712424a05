package cn.studyledger.rules;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The findings follow the records: a session marked held is committed, its event ({@code SessionHeld}) is delivered
 * after the commit through the event publication registry, and the year's evaluation is brought up to date on its
 * own — no 立即检查, no nightly run. Runs with the re-evaluation switched on (an application context of its own);
 * its writes commit, so the data is put back after the test.
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
@TestPropertySource(properties = "ledger.rules.reevaluate-on-change=true")
class RulesFollowTheRecordsTests {

    static final String FINDINGS = "/api/v1/orgs/XJ/years/2025/findings";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    long created;

    @Test
    void aSessionMarkedHeldUpdatesTheFindingsAfterItsCommit() throws Exception {
        String before = read(FINDINGS);
        String evaluatedAt = JsonPath.read(before, "$.evaluatedAt");

        created = holdASessionWithoutKeySpeeches();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String after = read(FINDINGS);
            assertThat((String) JsonPath.read(after, "$.runKind")).isEqualTo("记录变更后自动检查");
            assertThat((String) JsonPath.read(after, "$.evaluatedAt")).isNotEqualTo(evaluatedAt);
            // a session without key speeches breaks the key-speech rule: the new evaluation cites it
            List<String> cited = JsonPath.read(after, "$.findings[*].evidence[*].url");
            assertThat(cited).as("the new session is cited").contains("/sessions/" + created);
        });
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                jdbc.sql("select count(*) from event_publication where completion_date is null")
                                        .query(Long.class)
                                        .single())
                        .as("every delivery completed")
                        .isZero());
    }

    private long holdASessionWithoutKeySpeeches() throws Exception {
        String session = mvc.perform(post("/api/v1/orgs/XJ/sessions")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"学习贯彻全会精神专题研讨","date":"2025-12-30","startTime":"09:00","durationHours":3,
                                 "place":"第一会议室","format":"DISCUSSION",
                                 "agenda":[{"kind":"FIRST_TOPIC","title":"重要讲话精神"}]}"""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int id = JsonPath.read(session, "$.id");
        List<Integer> people = JsonPath.read(session, "$.attendance[*].personId");
        String attendance = mvc.perform(put("/api/v1/sessions/" + id + "/attendance")
                        .param("version", String.valueOf((int) JsonPath.read(session, "$.version")))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(people.stream()
                                .map(p -> "{\"personId\":" + p + ",\"status\":\"PRESENT\"}")
                                .collect(Collectors.joining(",", "[", "]"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(post("/api/v1/sessions/" + id + "/held")
                        .param("version", String.valueOf((int) JsonPath.read(attendance, "$.version")))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk());
        return id;
    }

    private String read(String url) throws Exception {
        return mvc.perform(get(url).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
