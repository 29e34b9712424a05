package cn.studyledger.session.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.PageResult;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.jdbc.Like;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.session.AgendaChoice;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.MakeUpPeriod;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.domain.SessionViews.SessionDetail;
import cn.studyledger.session.domain.SessionViews.SessionRow;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
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

    private final SessionRepository sessions;
    private final SessionAccess access;
    private final OrgApi orgs;
    private final AgendaSources agendaSources;
    private final ParticipationService participation;
    private final MakeUpPeriod makeUpPeriod;
    private final SessionNumbering numbering;
    private final AuditLog audit;
    private final Clock clock;

    SessionService(
            SessionRepository sessions,
            SessionAccess access,
            OrgApi orgs,
            AgendaSources agendaSources,
            ParticipationService participation,
            MakeUpPeriod makeUpPeriod,
            SessionNumbering numbering,
            AuditLog audit,
            Clock clock) {
        this.numbering = numbering;
        this.participation = participation;
        this.makeUpPeriod = makeUpPeriod;
        this.clock = clock;
        this.agendaSources = agendaSources;
        this.sessions = sessions;
        this.access = access;
        this.orgs = orgs;
        this.audit = audit;
    }

    @PreAuthorize("hasAuthority('" + Permissions.SESSION_VIEW + "')")
    public PageResult<SessionRow> search(
            String orgCode, int year, String query, SessionStatus status, int page, int size) {
        OrgRef org = orgs.requireReadable(orgCode);
        String q = Like.escape(query == null ? "" : query.trim());
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
                        s.hasAgendaOf(AgendaKind.FIRST_TOPIC),
                        s.ordinal() == null ? null : s.ordinal().ordinal(),
                        s.ordinal() == null ? null : s.ordinal().formatOrdinal(),
                        s.enlarged()));
    }

    @PreAuthorize("hasAuthority('" + Permissions.SESSION_VIEW + "')")
    public SessionDetail get(long id) {
        return access.detail(access.readable(id));
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail create(String orgCode, SessionCommand command) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        StudySession session = new StudySession(org.id());
        describe(session, org, command);
        sessions.saveAndFlush(session);
        audit.record(AuditAction.CREATE, "集中学习", session.getId(), command.date() + " " + command.title());
        return access.detail(session);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail edit(long id, long expectedVersion, SessionCommand command) {
        StudySession session = access.as(Role.CLERK, id);
        session.checkVersion(expectedVersion);
        session.correcting(command.reason(), CurrentUser.require().displayName(), LocalDateTime.now(clock));
        OrgRef org = orgs.get(session.orgId());
        describe(session, org, command);
        sessions.saveAndFlush(session);
        audit.record(
                AuditAction.UPDATE,
                "集中学习",
                id,
                command.date() + " " + command.title() + corrected(session, command.reason()));
        return access.detail(session);
    }

    /**
     * Records the attendance sheet: the statuses given; with {@code others}, everyone expected and neither given, yet
     * recorded nor waiting for a leave decision gets that status too — 全部出席, then the exceptions, in one step. A
     * participant marked 请假 goes through the leave rules ({@link ParticipationService#markedOnLeave}). Changing a
     * held session's attendance is a correction and needs its reason.
     */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail recordAttendance(long id, long expectedVersion, AttendanceSheet sheet) {
        StudySession session = access.as(Role.CLERK, id);
        session.checkVersion(expectedVersion);
        Map<Long, AttendanceStatus> all = new LinkedHashMap<>(sheet.statuses());
        if (sheet.others() != null) {
            Set<Long> waiting = participation.awaitingLeave(id);
            session.attendance().stream()
                    .filter(a -> a.status() == null && !waiting.contains(a.personId()))
                    .forEach(a -> all.putIfAbsent(a.personId(), sheet.others()));
        }
        if (all.isEmpty()) {
            throw new BusinessRuleException("请至少登记一人的考勤");
        }
        int recorded = all.size();
        LocalDateTime now = LocalDateTime.now(clock);
        session.correcting(sheet.reason(), CurrentUser.require().displayName(), now);
        all.entrySet().removeIf(e -> {
            if (e.getValue() != AttendanceStatus.LEAVE) {
                return false;
            }
            AttendanceSheet.Leave leave =
                    sheet.leaves().getOrDefault(e.getKey(), new AttendanceSheet.Leave(null, null));
            participation.markedOnLeave(session, e.getKey(), leave.reason(), leave.approvedBy());
            return true;
        });
        if (!all.isEmpty()) {
            session.recordAttendance(
                    all, now, makeUpPeriod.days(session.orgId(), session.date().getYear()));
        }
        audit.record(AuditAction.UPDATE, "考勤", id, "登记考勤 " + recorded + " 人" + corrected(session, sheet.reason()));
        sessions.saveAndFlush(session);
        return access.detail(session);
    }

    /** Cancels a planned session with its reason: kept and audited, out of the figures, nothing due for it. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail cancel(long id, long expectedVersion, String reason) {
        StudySession session = access.as(Role.CLERK, id);
        session.checkVersion(expectedVersion);
        if (reason != null && reason.length() > 500) {
            throw new BusinessRuleException("取消原因最长500字");
        }
        session.cancel(reason, CurrentUser.require().displayName(), LocalDateTime.now(clock));
        audit.record(AuditAction.UPDATE, "集中学习", id, "取消：" + session.title() + "（原因：" + reason.trim() + "）");
        sessions.saveAndFlush(session);
        return access.detail(session);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail markHeld(long id, long expectedVersion) {
        StudySession session = access.as(Role.CLERK, id);
        session.checkVersion(expectedVersion);
        Set<Long> ids = session.attendance().stream().map(Attendance::personId).collect(Collectors.toSet());
        Map<Long, String> names = access.people(ids).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().name()));
        session.markHeld(LocalDateTime.now(clock), names, numbering);
        audit.record(
                AuditAction.UPDATE,
                "集中学习",
                id,
                "标记已举行：" + session.title() + "，编为" + session.ordinal().full());
        sessions.saveAndFlush(session);
        return access.detail(session);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail recordMakeUp(long id, long personId, LocalDate doneOn, String note) {
        StudySession session = access.as(Role.CLERK, id);
        if (doneOn == null) {
            throw new BusinessRuleException("请填写补学日期");
        }
        if (doneOn.isAfter(LocalDate.now(clock))) {
            throw new BusinessRuleException("补学日期不能晚于今天");
        }
        session.recordMakeUp(personId, doneOn, note == null || note.isBlank() ? null : note.trim());
        audit.record(AuditAction.UPDATE, "补学", id, "登记补学 人员#" + personId + " " + doneOn);
        sessions.saveAndFlush(session);
        return access.detail(session);
    }

    private void describe(StudySession session, OrgRef org, SessionCommand c) {
        Map<Long, PersonRef> active =
                orgs.activePeople(org.id()).stream().collect(Collectors.toMap(PersonRef::id, p -> p));
        if (c.presiderPersonId() != null && !active.containsKey(c.presiderPersonId())) {
            throw new BusinessRuleException("主持人须为本单位在职人员");
        }
        if (c.recorderPersonId() != null && !active.containsKey(c.recorderPersonId())) {
            throw new BusinessRuleException("记录人须为本单位在职人员");
        }
        if (c.lecturerPersonId() != null
                && (!active.containsKey(c.lecturerPersonId())
                        || !active.get(c.lecturerPersonId()).expert())) {
            throw new BusinessRuleException("辅导报告人须为已登记的专家学者");
        }
        session.describe(
                c.date(),
                c.startTime(),
                c.durationHours(),
                blankToNull(c.place()),
                c.format(),
                c.title().trim(),
                c.presiderPersonId(),
                numbering);
        session.markEnlarged(c.enlarged());
        session.staff(c.recorderPersonId(), c.learningModes(), c.lecturerPersonId(), blankToNull(c.lectureTitle()));
        session.replaceAgenda(agendaSources.resolve(
                org.id(),
                c.date().getYear(),
                c.agenda().stream()
                        .map(a -> new StudySession.AgendaLine(
                                a.kind(), a.title() == null ? "" : a.title().trim(), a.sourceId(), a.id()))
                        .toList(),
                AgendaSources.chosen(session.agenda())));
        if (session.status() == SessionStatus.PLANNED) {
            List<Long> members = orgs.members(org.id(), c.date().getYear()).stream()
                    .map(GroupMember::personId)
                    .toList();
            session.expectMembers(members);
        }
    }

    /**
     * The first-topic items, research topics … an agenda row of a session of the organisation in the year may
     * choose, by agenda kind.
     */
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public Map<AgendaKind, List<AgendaChoice>> agendaChoices(String orgCode, int year) {
        return agendaSources.choices(orgs.requireReadable(orgCode).id(), year);
    }

    /** The issuing organisation as documents sign, e.g. 中共X局党组, 中共X局生态环境监测中心委员会. */
    public String issuer(String orgCode) {
        return orgs.requireReadable(orgCode).issuerFull();
    }

    /** The audit's note of a held session's correction, with its reason (which the session requires). */
    private static String corrected(StudySession session, String reason) {
        return session.status() == SessionStatus.HELD ? "（更正原因：" + reason.trim() + "）" : "";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
