package cn.studyledger.session.domain;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.session.domain.SessionViews.AgendaRow;
import cn.studyledger.session.domain.SessionViews.AttendanceRow;
import cn.studyledger.session.domain.SessionViews.EvaluationView;
import cn.studyledger.session.domain.SessionViews.LeaveRow;
import cn.studyledger.session.domain.SessionViews.SessionDetail;
import cn.studyledger.session.domain.SessionViews.SpeechRow;
import cn.studyledger.session.domain.SessionViews.StudyPlanView;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The data-scope checks every session service applies before it reads or changes a session, and the one
 * place that turns a session into the {@link SessionDetail} pages and the API show.
 */
@Component
class SessionAccess {

    private final SessionRepository sessions;
    private final LeaveRequestRepository leaves;
    private final OrgApi orgs;
    private final FileStore files;

    SessionAccess(SessionRepository sessions, LeaveRequestRepository leaves, OrgApi orgs, FileStore files) {
        this.sessions = sessions;
        this.leaves = leaves;
        this.orgs = orgs;
        this.files = files;
    }

    /** The session if the current user may read its organisation's records; 404 otherwise. */
    StudySession readable(long id) {
        StudySession session = sessions.findById(id).orElseThrow(() -> NotFoundException.of("集中学习"));
        orgs.requireReadable(orgs.get(session.orgId()).code());
        return session;
    }

    /** The session, with no scope check: for the module's API, whose callers check the organisation first. */
    StudySession session(long id) {
        return sessions.findById(id).orElseThrow(() -> NotFoundException.of("集中学习"));
    }

    /** The session if the current user holds {@code role} at its organisation (404 out of sight, else 403). */
    StudySession as(Role role, long id) {
        StudySession session = readable(id);
        orgs.requireRole(orgs.get(session.orgId()).code(), role);
        return session;
    }

    OrgRef org(StudySession session) {
        return orgs.get(session.orgId());
    }

    Map<Long, PersonRef> people(Set<Long> ids) {
        return orgs.people(ids);
    }

    SessionDetail detail(StudySession s) {
        Set<Long> ids = new HashSet<>();
        s.attendance().forEach(a -> ids.add(a.personId()));
        s.speeches().forEach(sp -> ids.add(sp.personId()));
        for (Long id : new Long[] {s.presiderPersonId(), s.recorderPersonId(), s.lecturerPersonId()}) {
            if (id != null) {
                ids.add(id);
            }
        }
        List<LeaveRequest> leaveRequests =
                s.getId() == null ? List.of() : leaves.findBySessionIdOrderByIdDesc(s.getId());
        leaveRequests.forEach(l -> ids.add(l.personId()));
        Map<Long, PersonRef> people = orgs.people(ids);
        List<AttendanceRow> attendance = s.attendance().stream()
                .map(a -> {
                    PersonRef p = people.get(a.personId());
                    return new AttendanceRow(
                            a.personId(),
                            name(people, a.personId()),
                            p == null ? "" : p.position(),
                            a.attendeeRole(),
                            p != null && p.youthCadre(),
                            a.status(),
                            a.checkInAt(),
                            a.checkInMethod(),
                            a.makeUpDueOn(),
                            a.makeUpDoneOn(),
                            a.makeUpNote());
                })
                .toList();
        List<SpeechRow> speeches = s.speeches().stream()
                .map(sp -> new SpeechRow(
                        sp.id() == null ? 0 : sp.id(),
                        sp.personId(),
                        name(people, sp.personId()),
                        sp.kind(),
                        sp.title(),
                        sp.outlineFileId()))
                .toList();
        List<LeaveRow> leaveRows =
                leaveRequests.stream().map(l -> leaveRow(l, s, people)).toList();
        return new SessionDetail(
                s.getId() == null ? 0 : s.getId(),
                org(s).code(),
                s.title(),
                s.date(),
                s.startTime(),
                s.durationHours(),
                s.place(),
                s.format(),
                s.presiderPersonId(),
                nameOrNull(people, s.presiderPersonId()),
                s.recorderPersonId(),
                nameOrNull(people, s.recorderPersonId()),
                Set.copyOf(s.learningModes()),
                s.lecturerPersonId(),
                nameOrNull(people, s.lecturerPersonId()),
                s.lectureTitle(),
                s.status(),
                s.heldAt(),
                s.getVersion(),
                new StudyPlanView(
                        s.studyPlan().text(),
                        s.studyPlan().status(),
                        s.studyPlan().comment(),
                        s.studyPlan().decidedBy(),
                        s.studyPlan().decidedAt()),
                s.minutes(),
                s.evaluation() == null ? null : new EvaluationView(s.evaluation(), s.evaluatedBy(), s.evaluatedAt()),
                s.agenda().stream()
                        .map(a -> new AgendaRow(a.id() == null ? 0 : a.id(), a.kind(), a.title(), a.sourceId()))
                        .toList(),
                attendance,
                speeches,
                files.describe(s.attachments()),
                leaveRows,
                s.cancellation(),
                List.copyOf(s.corrections()),
                s.ordinal() == null ? null : s.ordinal().ordinal(),
                s.ordinal() == null ? null : s.ordinal().formatOrdinal(),
                s.enlarged());
    }

    static LeaveRow leaveRow(LeaveRequest l, StudySession session, Map<Long, PersonRef> people) {
        return new LeaveRow(
                l.getId(),
                l.sessionId(),
                session.title(),
                session.date(),
                l.personId(),
                name(people, l.personId()),
                l.reason(),
                l.status(),
                l.decidedBy(),
                l.decidedAt(),
                l.comment(),
                l.getVersion());
    }

    static String name(Map<Long, PersonRef> people, long id) {
        PersonRef p = people.get(id);
        return p == null ? "#" + id : p.name();
    }

    private static String nameOrNull(Map<Long, PersonRef> people, Long id) {
        return id == null ? null : name(people, id);
    }
}
