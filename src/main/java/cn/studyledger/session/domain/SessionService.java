package cn.studyledger.session.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.PageResult;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.domain.SessionViews.AgendaRow;
import cn.studyledger.session.domain.SessionViews.AttendanceRow;
import cn.studyledger.session.domain.SessionViews.SessionDetail;
import cn.studyledger.session.domain.SessionViews.SessionRow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, editing and holding study sessions, and recording their attendance. */
@Service
@Transactional(readOnly = true)
public class SessionService {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final SessionRepository sessions;
    private final OrgApi orgs;
    private final AuditLog audit;

    SessionService(SessionRepository sessions, OrgApi orgs, AuditLog audit) {
        this.sessions = sessions;
        this.orgs = orgs;
        this.audit = audit;
    }

    @PreAuthorize("hasAuthority('" + Permissions.SESSION_VIEW + "')")
    public PageResult<SessionRow> search(
            String orgCode, int year, String query, SessionStatus status, int page, int size) {
        OrgRef org = orgs.requireReadable(orgCode);
        String q = query == null || query.isBlank() ? null : query.trim();
        var result = sessions.search(
                org.id(),
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31),
                q,
                status,
                PageRequest.of(Math.max(page, 0), size, Sort.by(Sort.Direction.DESC, "date")));
        return PageResult.of(
                result,
                s -> new SessionRow(
                        s.getId(),
                        s.date(),
                        s.title(),
                        s.format(),
                        s.status(),
                        s.attendance().stream()
                                .filter(a -> a.status() == AttendanceStatus.PRESENT)
                                .count(),
                        s.attendance().size(),
                        s.hasAgendaOf(AgendaKind.FIRST_TOPIC)));
    }

    @PreAuthorize("hasAuthority('" + Permissions.SESSION_VIEW + "')")
    public SessionDetail get(long id) {
        StudySession session = readable(id);
        sessions.flush();
        return detail(session, orgs.get(session.orgId()));
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail create(String orgCode, SessionCommand command) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        StudySession session = new StudySession(org.id());
        describe(session, org, command);
        sessions.saveAndFlush(session);
        audit.record(AuditAction.CREATE, "集中学习", session.getId(), command.date() + " " + command.title());
        return detail(session, org);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail edit(long id, long expectedVersion, SessionCommand command) {
        StudySession session = writable(id);
        session.checkVersion(expectedVersion);
        OrgRef org = orgs.get(session.orgId());
        describe(session, org, command);
        sessions.flush();
        audit.record(AuditAction.UPDATE, "集中学习", id, command.date() + " " + command.title());
        return detail(session, org);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail recordAttendance(long id, long expectedVersion, Map<Long, AttendanceStatus> statuses) {
        StudySession session = writable(id);
        session.checkVersion(expectedVersion);
        if (statuses.isEmpty()) {
            throw new BusinessRuleException("请至少登记一人的考勤");
        }
        session.recordAttendance(statuses, LocalDateTime.now(ZONE));
        audit.record(AuditAction.UPDATE, "考勤", id, "登记考勤 " + statuses.size() + " 人");
        sessions.flush();
        return detail(session, orgs.get(session.orgId()));
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail markHeld(long id, long expectedVersion) {
        StudySession session = writable(id);
        session.checkVersion(expectedVersion);
        session.markHeld(LocalDateTime.now(ZONE), names(session));
        audit.record(AuditAction.UPDATE, "集中学习", id, "标记已举行：" + session.title());
        sessions.flush();
        return detail(session, orgs.get(session.orgId()));
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail recordMakeUp(long id, long personId, LocalDate doneOn, String note) {
        StudySession session = writable(id);
        if (doneOn == null) {
            throw new BusinessRuleException("请填写补学日期");
        }
        if (doneOn.isAfter(LocalDate.now(ZONE))) {
            throw new BusinessRuleException("补学日期不能晚于今天");
        }
        session.recordMakeUp(personId, doneOn, note == null || note.isBlank() ? null : note.trim());
        audit.record(AuditAction.UPDATE, "补学", id, "登记补学 人员#" + personId + " " + doneOn);
        sessions.flush();
        return detail(session, orgs.get(session.orgId()));
    }

    private void describe(StudySession session, OrgRef org, SessionCommand c) {
        Set<Long> eligiblePresiders =
                orgs.activePeople(org.id()).stream().map(PersonRef::id).collect(Collectors.toSet());
        if (c.presiderPersonId() != null && !eligiblePresiders.contains(c.presiderPersonId())) {
            throw new BusinessRuleException("主持人须为本单位在职人员");
        }
        session.describe(
                c.date(),
                c.startTime(),
                c.durationHours(),
                blankToNull(c.place()),
                c.format(),
                c.title().trim(),
                c.presiderPersonId());
        session.replaceAgenda(c.agenda().stream()
                .map(a -> new StudySession.AgendaLine(a.kind(), a.title().trim()))
                .toList());
        if (session.status() == SessionStatus.PLANNED) {
            List<Long> members = orgs.members(org.id(), c.date().getYear()).stream()
                    .map(GroupMember::personId)
                    .toList();
            session.expectMembers(members);
        }
    }

    private StudySession readable(long id) {
        StudySession session = sessions.findById(id).orElseThrow(() -> NotFoundException.of("集中学习"));
        orgs.requireReadable(orgs.get(session.orgId()).code());
        return session;
    }

    private StudySession writable(long id) {
        StudySession session = readable(id);
        orgs.requireRole(orgs.get(session.orgId()).code(), Role.CLERK);
        return session;
    }

    private Map<Long, String> names(StudySession session) {
        Set<Long> ids = new HashSet<>();
        session.attendance().forEach(a -> ids.add(a.personId()));
        return orgs.people(ids).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().name()));
    }

    private SessionDetail detail(StudySession s, OrgRef org) {
        Set<Long> ids = new HashSet<>();
        s.attendance().forEach(a -> ids.add(a.personId()));
        if (s.presiderPersonId() != null) {
            ids.add(s.presiderPersonId());
        }
        Map<Long, PersonRef> people = orgs.people(ids);
        List<AttendanceRow> attendance = s.attendance().stream()
                .map(a -> {
                    PersonRef p = people.get(a.personId());
                    return new AttendanceRow(
                            a.personId(),
                            p == null ? "#" + a.personId() : p.name(),
                            p == null ? "" : p.position(),
                            a.status(),
                            a.checkInAt(),
                            a.makeUpDoneOn(),
                            a.makeUpNote());
                })
                .toList();
        PersonRef presider = s.presiderPersonId() == null ? null : people.get(s.presiderPersonId());
        return new SessionDetail(
                s.getId() == null ? 0 : s.getId(),
                org.code(),
                s.title(),
                s.date(),
                s.startTime(),
                s.durationHours(),
                s.place(),
                s.format(),
                s.presiderPersonId(),
                presider == null ? null : presider.name(),
                s.status(),
                s.heldAt(),
                s.getVersion(),
                s.agenda().stream()
                        .map(a -> new AgendaRow(a.id() == null ? 0 : a.id(), a.kind(), a.title()))
                        .toList(),
                attendance);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
