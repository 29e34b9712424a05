package cn.studyledger.session.domain;

import cn.studyledger.session.AgendaSummary;
import cn.studyledger.session.PersonSessionRecord;
import cn.studyledger.session.SessionFacts;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.SessionSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only views of sessions for the module's API. */
@Service
@Transactional(readOnly = true)
public class SessionQueries {

    private final SessionRepository sessions;
    private final LeaveRequestRepository leaves;

    SessionQueries(SessionRepository sessions, LeaveRequestRepository leaves) {
        this.sessions = sessions;
        this.leaves = leaves;
    }

    public List<PersonSessionRecord> personRecords(long orgId, int year, long personId) {
        return sessions
                .findByOrgIdAndDateBetweenOrderByDate(orgId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .stream()
                .flatMap(s -> s.attendance().stream()
                        .filter(a -> a.personId() == personId)
                        .map(a -> new PersonSessionRecord(
                                s.getId(),
                                s.date(),
                                s.title(),
                                s.format(),
                                s.status() == SessionStatus.HELD,
                                a.attendeeRole(),
                                a.status(),
                                a.makeUpDueOn(),
                                a.makeUpDoneOn(),
                                s.speeches().stream()
                                        .filter(sp -> sp.personId() == personId)
                                        .map(sp -> sp.kind().label() + "：" + sp.title())
                                        .toList())))
                .toList();
    }

    public List<SessionSummary> sessions(long orgId, int year) {
        return sessions
                .findByOrgIdAndDateBetweenOrderByDate(orgId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .stream()
                .map(SessionQueries::summary)
                .toList();
    }

    public List<SessionFacts> facts(long orgId, int year) {
        List<StudySession> found = sessions.findByOrgIdAndDateBetweenOrderByDate(
                orgId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        List<SessionFacts> result = new ArrayList<>();
        for (StudySession s : found) {
            result.add(new SessionFacts(
                    s.getId(),
                    s.date(),
                    s.title(),
                    s.format(),
                    s.status(),
                    s.durationHours(),
                    s.studyPlan().status(),
                    s.agenda().stream()
                            .map(a -> new AgendaSummary(a.id(), s.getId(), a.kind(), a.title(), a.sourceId()))
                            .toList(),
                    s.attendance().stream()
                            .map(a -> new SessionFacts.Attendee(
                                    a.personId(), a.attendeeRole(), a.status(), a.makeUpDueOn(), a.makeUpDoneOn()))
                            .toList(),
                    s.speeches().stream()
                            .map(sp -> new SessionFacts.SpeechFact(
                                    sp.id(), sp.personId(), sp.kind(), sp.title(), sp.outlineFileId() != null))
                            .toList(),
                    leaves.findBySessionIdOrderByIdDesc(s.getId()).stream()
                            .map(l -> new SessionFacts.LeaveFact(l.getId(), l.personId(), l.status()))
                            .toList()));
        }
        return result;
    }

    public Optional<SessionSummary> find(long id) {
        return sessions.findById(id).map(SessionQueries::summary);
    }

    public List<AgendaSummary> agenda(long id) {
        return sessions.findById(id).stream()
                .flatMap(s ->
                        s.agenda().stream().map(a -> new AgendaSummary(a.id(), id, a.kind(), a.title(), a.sourceId())))
                .toList();
    }

    static SessionSummary summary(StudySession s) {
        return new SessionSummary(s.getId(), s.orgId(), s.date(), s.title(), s.format(), s.status());
    }
}
