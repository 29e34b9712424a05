package cn.studyledger.session.domain;

import cn.studyledger.session.AgendaSummary;
import cn.studyledger.session.SessionSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only views of sessions for the module's API. */
@Service
@Transactional(readOnly = true)
public class SessionQueries {

    private final SessionRepository sessions;

    SessionQueries(SessionRepository sessions) {
        this.sessions = sessions;
    }

    public List<SessionSummary> sessions(long orgId, int year) {
        return sessions
                .findByOrgIdAndDateBetweenOrderByDate(orgId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .stream()
                .map(SessionQueries::summary)
                .toList();
    }

    public Optional<SessionSummary> find(long id) {
        return sessions.findById(id).map(SessionQueries::summary);
    }

    public List<AgendaSummary> agenda(long id) {
        return sessions.findById(id).stream()
                .flatMap(s -> s.agenda().stream().map(a -> new AgendaSummary(a.id(), id, a.kind(), a.title())))
                .toList();
    }

    static SessionSummary summary(StudySession s) {
        return new SessionSummary(s.getId(), s.orgId(), s.date(), s.title(), s.format(), s.status());
    }
}
