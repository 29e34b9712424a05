package cn.studyledger.session.domain;

import cn.studyledger.session.SessionPlanned;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The issue date of a session's 会议通知: stored when the session is planned (that day, or the session's own date if
 * it is entered afterwards), so the notice never carries the day it happens to be printed. Kept in its own column
 * beside the session and written here rather than through {@link StudySession}, whose state is the meeting itself.
 */
@Component
public class SessionNotices {

    private final JdbcClient jdbc;
    private final SessionAccess access;
    private final Clock clock;

    SessionNotices(JdbcClient jdbc, SessionAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /** In the transaction that plans the session, so the notice date is there as soon as the session is. */
    @EventListener
    void on(SessionPlanned planned) {
        jdbc.sql("update session_study_session set notice_date = :issued where id = :id and notice_date is null")
                .param("issued", issuedOn(LocalDate.now(clock), planned.date()))
                .param("id", planned.sessionId())
                .update();
    }

    /** The notice's issue date of a session the current user may read (404 otherwise). */
    @Transactional(readOnly = true)
    public LocalDate issuedOn(long sessionId) {
        StudySession session = access.readable(sessionId);
        return jdbc.sql("select notice_date from session_study_session where id = :id")
                .param("id", sessionId)
                .query(LocalDate.class)
                .optional()
                .orElseGet(() -> issuedOn(LocalDate.now(clock), session.date()));
    }

    static LocalDate issuedOn(LocalDate plannedOn, LocalDate sessionDate) {
        return sessionDate == null || plannedOn.isBefore(sessionDate) ? plannedOn : sessionDate;
    }
}
