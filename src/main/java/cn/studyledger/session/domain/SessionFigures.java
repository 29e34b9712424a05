package cn.studyledger.session.domain;

import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.report.Evidence;
import cn.studyledger.report.FigureDefinition;
import cn.studyledger.report.FigureDefinition.Kind;
import cn.studyledger.report.FigureProvider;
import cn.studyledger.report.FigureResult;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SessionStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The figures of DESIGN.md §3 that held sessions and their attendance feed. */
@Component
@Transactional(readOnly = true)
class SessionFigures implements FigureProvider {

    static final String COLLECTIVE = "sessions.collective";
    static final String DISCUSSION = "sessions.discussion";
    static final String FIRST_TOPIC = "firsttopic.sessions";
    static final String ATTENDANCE = "attendance.rate";

    private final SessionRepository sessions;
    private final OrgApi orgs;

    SessionFigures(SessionRepository sessions, OrgApi orgs) {
        this.sessions = sessions;
        this.orgs = orgs;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(
                new FigureDefinition(COLLECTIVE, "集体学习次数", "次", Kind.COUNT),
                new FigureDefinition(DISCUSSION, "专题研讨次数", "次", Kind.COUNT),
                new FigureDefinition(ATTENDANCE, "中心组成员参学率", "%", Kind.RATE),
                new FigureDefinition(FIRST_TOPIC, "“第一议题”学习次数", "次", Kind.COUNT));
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        return switch (key) {
            case COLLECTIVE -> FigureResult.count(heldSessions(org, year, s -> true));
            case DISCUSSION ->
                FigureResult.count(heldSessions(
                        org,
                        year,
                        s -> s.format() == SessionFormat.DISCUSSION || s.hasAgendaOf(AgendaKind.DISCUSSION)));
            case FIRST_TOPIC -> FigureResult.count(heldSessions(org, year, s -> s.hasAgendaOf(AgendaKind.FIRST_TOPIC)));
            case ATTENDANCE -> attendanceRate(org, year);
            default -> throw new IllegalArgumentException(key);
        };
    }

    private List<Evidence> heldSessions(OrgRef org, int year, Predicate<StudySession> filter) {
        return sessions
                .findWithAgenda(org.id(), SessionStatus.HELD, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .stream()
                .filter(filter)
                .map(s -> new Evidence(
                        "集中学习", s.getId(), s.date(), s.title(), s.format().label(), null, "/sessions/" + s.getId()))
                .toList();
    }

    /** (PRESENT + LEAVE with make-up done) / expected member-attendances of held sessions. */
    private FigureResult attendanceRate(OrgRef org, int year) {
        List<StudySession> held = sessions.findWithAttendance(
                org.id(), SessionStatus.HELD, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        Set<Long> personIds = new HashSet<>();
        held.forEach(s -> s.attendance().forEach(a -> personIds.add(a.personId())));
        Map<Long, PersonRef> people = orgs.people(personIds);
        List<Evidence> participated = new ArrayList<>();
        long expected = 0;
        for (StudySession s : held) {
            for (Attendance a : s.attendance()) {
                if (!a.isMember()) {
                    continue;
                }
                expected++;
                if (a.participated()) {
                    PersonRef p = people.get(a.personId());
                    String detail =
                            a.status().label() + (a.makeUpDoneOn() == null ? "" : "，已于" + a.makeUpDoneOn() + "补学");
                    participated.add(new Evidence(
                            "考勤",
                            a.id(),
                            s.date(),
                            (p == null ? "#" + a.personId() : p.name()) + " · " + s.title(),
                            detail,
                            null,
                            "/sessions/" + s.getId()));
                }
            }
        }
        return FigureResult.rate(participated, expected);
    }
}
