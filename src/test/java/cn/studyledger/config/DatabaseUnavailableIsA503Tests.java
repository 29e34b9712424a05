package cn.studyledger.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.common.ProblemTypes;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.ModelAndView;

/** Inside controllers (sessions in memory), an unreachable database is a 503 for pages and for the API too. */
class DatabaseUnavailableIsA503Tests {

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
    void aPageAnswers503WithTheMessage() {
        ModelAndView page = new PageExceptionHandler().databaseUnavailable(NO_CONNECTION);
        assertThat(page.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(page.getViewName()).isEqualTo("error");
        assertThat(page.getModel()).containsEntry("message", "数据库暂时不可用，请稍后再试");
    }

    @Test
    void theApiAnswersA503Problem() {
        ProblemDetail problem = new ApiExceptionHandler().unexpected(NO_CONNECTION);
        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getType()).isEqualTo(ProblemTypes.UNAVAILABLE);
        assertThat(problem.getDetail()).isEqualTo("数据库暂时不可用，请稍后再试");
        assertThat(new ApiExceptionHandler()
                        .unexpected(new IllegalStateException("bug"))
                        .getStatus())
                .isEqualTo(500);
    }
}
