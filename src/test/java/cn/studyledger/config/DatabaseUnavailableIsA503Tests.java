package cn.studyledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import cn.studyledger.common.ProblemTypes;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Inside controllers (sessions in memory), an unreachable database is a 503 for pages and for the API too: the
 * failure is recognised, and a handler that meets it is answered with the error page or a problem detail by the
 * real exception handlers ({@link WebLayerTest}).
 */
@WebLayerTest
class DatabaseUnavailableIsA503Tests {

    @Autowired
    MockMvc mvc;

    static final CannotCreateTransactionException NO_CONNECTION = new CannotCreateTransactionException(
            "Could not open JPA EntityManager for transaction",
            new JDBCConnectionException(
                    "Unable to acquire JDBC Connection",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001")));

    @Test
    void theFailuresOfAnUnreachableDatabaseAreRecognisedButOtherDatabaseErrorsAreNot() {
        assertThat(DatabaseUnavailable.causedBy(NO_CONNECTION)).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new JpaSystemException(
                        new RuntimeException("rollback failed", new SQLException("Connection is closed")))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(
                        new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException(
                        "duplicate key", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug")))
                .isFalse();
    }

    @Test
    void aPageAnswers503WithTheMessage() throws Exception {
        mvc.perform(get("/stub/database-down").with(user("clerk")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(view().name("error"))
                .andExpect(content().string(containsString("数据库暂时不可用，请稍后再试")));
    }

    @Test
    void theApiAnswersA503ProblemAndAnUnexpectedErrorA500() throws Exception {
        mvc.perform(get("/api/v1/stub/database-down").with(user("clerk")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.UNAVAILABLE.toString()))
                .andExpect(jsonPath("$.detail").value("数据库暂时不可用，请稍后再试"));
        mvc.perform(get("/api/v1/stub/bug").with(user("clerk")))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", not(containsString("bug"))));
    }
}
