package cn.studyledger.session;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import cn.studyledger.Logins;
import cn.studyledger.firsttopic.domain.FirstTopicViews.ItemDetail;
import cn.studyledger.firsttopic.domain.ItemService;
import cn.studyledger.session.domain.SessionCommand;
import cn.studyledger.session.domain.SessionService;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The session form offers the organisation's first-topic items and research topics for its agenda rows
 * ({@link AgendaSource}); a row that chooses one links it to the session when the session is saved
 * ({@link AgendaChanged}, a listener in the same transaction): the item's and the topic's pages show the session
 * right after, and a session that is not saved links nothing.
 */
@IntegrationTest
@Transactional
class AgendaRowsStudyTheChosenRecordsTests {

    static final String TITLE = "学习贯彻全会精神专题研讨（议题库）";

    @Autowired
    MockMvc mvc;

    @Autowired
    SessionService sessions;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    ItemService items;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** X局's latest first-topic item published in 2025 before December, with its title. */
    Record item() {
        return jdbc.sql("""
                        select i.id, i.title, i.published_on from firsttopic_item i join org_unit o on o.id = i.org_id
                        where o.code = 'XJ' and i.published_on between '2025-01-01' and '2025-11-30'
                        order by i.published_on desc, i.id desc limit 1""")
                .query((rs, n) ->
                        new Record(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate()))
                .single();
    }

    /** One of X局's research topics of 2025. */
    Record topic() {
        return jdbc.sql("""
                        select t.id, t.title from research_topic t join org_unit o on o.id = t.org_id
                        where o.code = 'XJ' and t.topic_year = 2025 order by t.id limit 1""")
                .query((rs, n) -> new Record(rs.getLong(1), rs.getString(2), null))
                .single();
    }

    record Record(long id, String title, LocalDate publishedOn) {}

    @Test
    void theSessionFormOffersTheYearsFirstTopicItemsAndResearchTopics() throws Exception {
        long session = jdbc.sql("""
                        select s.id from session_study_session s join org_unit o on o.id = s.org_id
                        where o.code = 'XJ' and s.session_date between '2025-01-01' and '2025-12-31'
                        order by s.id limit 1""").query(Long.class).single();
        mvc.perform(get("/sessions/" + session + "/edit").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<optgroup label=\"第一议题\" data-kind=\"FIRST_TOPIC\">")))
                .andExpect(content().string(containsString("value=\"" + item().id() + "\">" + item().title())))
                .andExpect(content().string(containsString("value=\"" + topic().id() + "\">" + topic().title())));
    }

    @Test
    void aSessionSavedWithChosenRowsIsOnTheItemsAndTopicsPagesRightAfter() throws Exception {
        Record item = item();
        Record topic = topic();
        mvc.perform(get("/firsttopic/" + item.id()).with(as(accounts, "clerk")))
                .andExpect(content().string(not(containsString(TITLE))));

        String location = mvc.perform(post("/sessions")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("title", TITLE)
                        .param("date", "2025-12-30")
                        .param("durationHours", "3")
                        .param("format", "DISCUSSION")
                        .param("agenda[0].kind", "FIRST_TOPIC")
                        .param("agenda[0].sourceId", String.valueOf(item.id()))
                        .param("agenda[0].title", "")
                        .param("agenda[1].kind", "RESEARCH_TOPIC")
                        .param("agenda[1].sourceId", String.valueOf(topic.id()))
                        .param("agenda[1].title", "围绕课题交流研讨"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        mvc.perform(get(location).with(as(accounts, "clerk")))
                .andExpect(content().string(containsString(item.title())))
                .andExpect(content().string(containsString("围绕课题交流研讨")));
        mvc.perform(get("/firsttopic/" + item.id()).with(as(accounts, "clerk")))
                .andExpect(content().string(containsString(TITLE)));
        mvc.perform(get("/research/" + topic.id()).with(as(accounts, "clerk")))
                .andExpect(content().string(containsString(TITLE)));
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void anItemPublishedAfterTheSessionIsRefusedAndSavesNoSession() throws Exception {
        Record item = item();
        Record topic = topic();
        LocalDate before = item.publishedOn().minusDays(1);

        mvc.perform(post("/sessions")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("title", TITLE)
                        .param("date", before.toString())
                        .param("durationHours", "3")
                        .param("format", "DISCUSSION")
                        .param("agenda[0].kind", "RESEARCH_TOPIC")
                        .param("agenda[0].sourceId", String.valueOf(topic.id()))
                        .param("agenda[1].kind", "FIRST_TOPIC")
                        .param("agenda[1].sourceId", String.valueOf(item.id())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("早于议题的发布日期（" + item.publishedOn() + "）")));

        assertThat(jdbc.sql("select count(*) from session_study_session where title = ?")
                        .param(TITLE)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void theLinkIsPartOfTheSessionsTransactionAndRolledBackWithIt() {
        Logins.signIn(accounts, "clerk");
        Record item = item();
        int studiesBefore = items.get(item.id()).studies().size();

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            long session = sessions.create("XJ", command(item.id())).id();
            ItemDetail linked = items.get(item.id());
            assertThat(linked.studies())
                    .as("the item shows the session before the request ends")
                    .anyMatch(s -> s.sessionId() == session && s.sessionTitle().equals(TITLE));
            tx.setRollbackOnly();
        });

        assertThat(items.get(item.id()).studies()).hasSize(studiesBefore);
    }

    private static SessionCommand command(long itemId) {
        SessionCommand blank = SessionCommand.blank(LocalDate.of(2025, 12, 30));
        return new SessionCommand(
                TITLE,
                blank.date(),
                null,
                blank.durationHours(),
                null,
                SessionFormat.DISCUSSION,
                null,
                null,
                Set.of(),
                null,
                null,
                List.of(new SessionCommand.AgendaLine(AgendaKind.FIRST_TOPIC, "", itemId, null)),
                null,
                false);
    }
}
