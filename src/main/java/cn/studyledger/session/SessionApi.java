package cn.studyledger.session;

import cn.studyledger.session.domain.SessionBriefs;
import cn.studyledger.session.domain.SessionQueries;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask of collective study. No scope checks here: callers check the organisation
 * (through {@code OrgApi}) before they ask, and only ask about that organisation's sessions.
 */
@Service
public class SessionApi {

    private final SessionQueries queries;
    private final SessionBriefs briefs;

    SessionApi(SessionQueries queries, SessionBriefs briefs) {
        this.queries = queries;
        this.briefs = briefs;
    }

    /** All sessions of the organisation in the year, by date. */
    public List<SessionSummary> sessions(long orgId, int year) {
        return queries.sessions(orgId, year);
    }

    public Optional<SessionSummary> find(long sessionId) {
        return queries.find(sessionId);
    }

    /** The sessions of the organisation and year that the person was expected at, with what they did there. */
    public List<PersonSessionRecord> personRecords(long orgId, int year, long personId) {
        return queries.personRecords(orgId, year, personId);
    }

    /**
     * The sessions of the organisation in the year with their attendance, speeches and leave requests, by date: what
     * the compliance rules check. Read-only; callers check the organisation first.
     */
    public List<SessionFacts> facts(long orgId, int year) {
        return queries.facts(orgId, year);
    }

    /** The agenda of a session, in order. */
    public List<AgendaSummary> agenda(long sessionId) {
        return queries.agenda(sessionId);
    }

    /** The session's 学习简报 with its Word file once issued; empty while it is a draft or there is none. */
    public Optional<IssuedBrief> issuedBrief(long sessionId) {
        return briefs.issued(sessionId);
    }
}
