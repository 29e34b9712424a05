package cn.studyledger.session.domain;

import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SessionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The numbers of an organisation's year as stored: one past the highest given so far (the count of held sessions
 * while no format was corrected). Read with plain SQL, so asking does not flush the session
 * being numbered (and bump its version a second time); the unique keys on the numbers refuse a number taken by a
 * session held at the same moment.
 */
@Component
class StoredSessionNumbering implements SessionNumbering {

    private final JdbcClient jdbc;

    StoredSessionNumbering(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int next(long orgId, int year) {
        return jdbc.sql("select coalesce(max(ordinal), 0) from session_study_session"
                                + " where org_id = :org and ordinal_year = :year and status = :held")
                        .param("org", orgId)
                        .param("year", year)
                        .param("held", SessionStatus.HELD.name())
                        .query(Integer.class)
                        .single()
                + 1;
    }

    @Override
    public int nextOfFormat(long orgId, int year, SessionFormat format) {
        return jdbc.sql(
                                "select coalesce(max(format_ordinal), 0) from session_study_session"
                                        + " where org_id = :org and ordinal_year = :year and status = :held and format = :format")
                        .param("org", orgId)
                        .param("year", year)
                        .param("held", SessionStatus.HELD.name())
                        .param("format", format.name())
                        .query(Integer.class)
                        .single()
                + 1;
    }
}
