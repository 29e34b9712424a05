package cn.studyledger.session.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Decisions;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.GroupRole;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.LeaveStatus;
import cn.studyledger.session.MakeUpPeriod;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.domain.SessionViews.LeaveRow;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What members do themselves: ask for leave (decided by the 组长), make up a missed session, and check in with
 * the session's rotating code from their phone.
 */
@Service
@Transactional(readOnly = true)
public class ParticipationService {

    private final SessionRepository sessions;
    private final LeaveRequestRepository leaves;
    private final SessionAccess access;
    private final OrgApi orgs;
    private final AuditLog audit;
    private final Clock clock;
    private final EntityManager entities;
    private final MakeUpPeriod makeUpPeriod;

    ParticipationService(
            SessionRepository sessions,
            LeaveRequestRepository leaves,
            SessionAccess access,
            OrgApi orgs,
            AuditLog audit,
            Clock clock,
            EntityManager entities,
            MakeUpPeriod makeUpPeriod) {
        this.entities = entities;
        this.makeUpPeriod = makeUpPeriod;
        this.sessions = sessions;
        this.leaves = leaves;
        this.access = access;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
    }

    /** A make-up study the current user owes or has done. */
    public record MakeUpTask(
            long sessionId,
            String sessionTitle,
            LocalDate sessionDate,
            LocalDate dueOn,
            LocalDate doneOn,
            String note) {

        public boolean overdue(LocalDate today) {
            return doneOn == null && dueOn != null && dueOn.isBefore(today);
        }
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.LEAVE_REQUEST + "')")
    public LeaveRow requestLeave(long sessionId, String reason) {
        StudySession session = access.readable(sessionId);
        long me = myPerson();
        if (session.status() != SessionStatus.PLANNED) {
            throw new BusinessRuleException(session.status() == SessionStatus.HELD ? "学习已举行，不能再请假" : "本次学习已取消，无需请假");
        }
        Attendance mine = session.attendance().stream()
                .filter(a -> a.personId() == me)
                .findFirst()
                .orElseThrow(() -> new BusinessRuleException("您不在本次学习的应到名单中"));
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new BusinessRuleException("请填写请假事由（最长500字）");
        }
        // The member's own attendance row, locked: a double submit waits for the first and then sees its request.
        entities.refresh(mine, LockModeType.PESSIMISTIC_WRITE);
        if (leaves.existsBySessionIdAndPersonIdAndStatus(sessionId, me, LeaveStatus.REQUESTED)
                || leaves.existsBySessionIdAndPersonIdAndStatus(sessionId, me, LeaveStatus.APPROVED)
                || leaves.existsBySessionIdAndPersonIdAndStatus(sessionId, me, LeaveStatus.NOTED)) {
            throw new BusinessRuleException("您已提交过本次学习的请假申请");
        }
        LeaveRequest request = new LeaveRequest(sessionId, me, reason.trim());
        Group group = group(session);
        boolean noted = group.isLeader(me) && !group.hasDeputy();
        if (noted) {
            request.note(LocalDateTime.now(clock));
        }
        leaves.saveAndFlush(request);
        if (noted) {
            session.leaveDecided(request, LocalDateTime.now(clock), makeUpDays(session));
            sessions.save(session);
        }
        audit.record(AuditAction.CREATE, "请假", request.getId(), (noted ? "报备请假：" : "申请请假：") + session.title());
        return SessionAccess.leaveRow(request, session, access.people(Set.of(me)));
    }

    /**
     * The clerk marks an expected participant 请假 on the attendance sheet: with the reason, and either who already
     * approved it (the one who decides that person's leave — the 组长 for a member, a 副组长 for the 组长 — never the
     * person), which puts it in effect now, or routed to that approver as a request made on the person's behalf,
     * which leaves the attendance unrecorded until it is decided. The 组长's leave where the group has no 副组长 is
     * noted (报备). Called within the attendance's transaction; a participant already on leave is left as is.
     *
     * @return whether the leave is in effect now
     */
    boolean markedOnLeave(StudySession session, long personId, String reason, Long approvedBy) {
        Attendance row = session.attendanceOf(personId);
        if (row.status() == AttendanceStatus.LEAVE) {
            return true;
        }
        String name = SessionAccess.name(access.people(Set.of(personId)), personId);
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("请填写" + name + "的请假事由");
        }
        if (reason.length() > 500) {
            throw new BusinessRuleException(name + "的请假事由最长500字");
        }
        List<LeaveRequest> open = leaves.findBySessionIdOrderByIdDesc(session.getId()).stream()
                .filter(l -> l.personId() == personId && l.status() == LeaveStatus.REQUESTED)
                .toList();
        LeaveRequest request =
                open.isEmpty() ? new LeaveRequest(session.getId(), personId, reason.trim()) : open.get(0);
        Group group = group(session);
        LocalDateTime now = LocalDateTime.now(clock);
        String clerk = CurrentUser.require().displayName();
        if (group.isLeader(personId) && !group.hasDeputy()) {
            request.note(now);
        } else if (approvedBy != null) {
            boolean may = group.isLeader(personId) ? group.isDeputy(approvedBy) : group.isLeader(approvedBy);
            if (!may || approvedBy == personId) {
                throw new BusinessRuleException(group.isLeader(personId) ? "组长的请假须由副组长批准" : "请假须由组长批准，请选择组长或提交审批");
            }
            String approver = SessionAccess.name(access.people(Set.of(approvedBy)), approvedBy);
            request.approvedOffline(approver, "由" + clerk + "在考勤中登记", now);
        }
        leaves.saveAndFlush(request);
        audit.record(
                AuditAction.CREATE,
                "请假",
                request.getId(),
                name + "请假（" + request.status().label() + "，" + clerk + "登记）：" + session.title());
        if (request.status() == LeaveStatus.REQUESTED) {
            return false;
        }
        session.leaveDecided(request, now, makeUpDays(session));
        return true;
    }

    /** The people of the session whose leave request waits for its decision: their attendance waits with it. */
    Set<Long> awaitingLeave(long sessionId) {
        Set<Long> waiting = new HashSet<>();
        leaves.findBySessionIdOrderByIdDesc(sessionId).stream()
                .filter(l -> l.status() == LeaveStatus.REQUESTED)
                .forEach(l -> waiting.add(l.personId()));
        return waiting;
    }

    /** Who may be named as having approved a leave of the session's group: its 组长 and 副组长. */
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public List<GroupMember> leaveApprovers(long sessionId) {
        StudySession session = access.readable(sessionId);
        return orgs.group(session.orgId(), session.date().getYear()).stream()
                .filter(m -> m.role() == GroupRole.LEADER || m.role() == GroupRole.DEPUTY)
                .toList();
    }

    /**
     * Decided by someone else (不自批): a member's leave by the 组长 (LEADER of the organisation), the 组长's own
     * leave by a 副组长 (DEPUTY of the year's group, a member account otherwise). An approved leave marks the member
     * on leave and opens a make-up study due in 30 days.
     */
    @Transactional
    @PreAuthorize("hasAnyAuthority('" + Permissions.LEAVE_APPROVE + "', '" + Permissions.LEAVE_REQUEST + "')")
    public LeaveRow decideLeave(long leaveId, long version, boolean approve, String comment) {
        LeaveRequest request = leaves.findById(leaveId).orElseThrow(() -> NotFoundException.of("请假申请"));
        StudySession session = access.readable(request.sessionId());
        Group group = group(session);
        if (!group.holdsApproval()) {
            throw new AccessDeniedException("无权审批请假");
        }
        Decisions.Party me = Decisions.Party.current();
        if (!me.sameAs(Decisions.Party.person(request.personId())) && !group.decides(request)) {
            throw new AccessDeniedException(group.isLeader(request.personId()) ? "组长的请假由副组长审批" : "请假由组长审批");
        }
        request.checkVersion(version);
        request.decide(approve, comment, me, CurrentUser.require().displayName(), LocalDateTime.now(clock));
        session.leaveDecided(request, LocalDateTime.now(clock), makeUpDays(session));
        audit.record(AuditAction.UPDATE, "请假", leaveId, (approve ? "批准" : "不批准") + "请假：" + session.title());
        sessions.save(session);
        leaves.flush();
        return SessionAccess.leaveRow(request, session, access.people(Set.of(request.personId())));
    }

    /**
     * Leave requests of the organisation waiting for the current user: the members' for the 组长, the 组长's for a
     * 副组长; never the user's own. 403 for whoever decides no leave there.
     */
    @PreAuthorize("hasAnyAuthority('" + Permissions.LEAVE_APPROVE + "', '" + Permissions.LEAVE_REQUEST + "')")
    public List<LeaveRow> pendingLeaves(String orgCode) {
        if (!decidesLeaves(orgCode)) {
            throw new AccessDeniedException("无权审批请假");
        }
        OrgRef org = orgs.requireReadable(orgCode);
        LedgerUser user = CurrentUser.require();
        Map<Integer, Group> groups = new HashMap<>();
        List<LeaveRequest> requested = leaves.findPending(org.id());
        Map<Long, StudySession> byId = sessionsOf(requested);
        List<LeaveRequest> pending = requested.stream()
                .filter(l -> {
                    StudySession session = byId.get(l.sessionId());
                    Group group = groups.computeIfAbsent(session.date().getYear(), y -> group(session));
                    return group.decides(l) && !Objects.equals(user.personId(), l.personId());
                })
                .toList();
        Map<Long, PersonRef> people = access.people(personIds(pending));
        return pending.stream()
                .map(l -> SessionAccess.leaveRow(l, byId.get(l.sessionId()), people))
                .toList();
    }

    private Map<Long, StudySession> sessionsOf(List<LeaveRequest> requests) {
        Map<Long, StudySession> byId = new HashMap<>();
        sessions.findAllById(requests.stream().map(LeaveRequest::sessionId).collect(Collectors.toSet()))
                .forEach(s -> byId.put(s.getId(), s));
        return byId;
    }

    /** Whether the current user decides leave in the organisation (组长, or a 副组长 for the 组长's leave). */
    public boolean decidesLeaves(String orgCode) {
        OrgRef org = orgs.requireReadable(orgCode);
        LedgerUser user = CurrentUser.require();
        return user.hasRoleAt(Role.LEADER, org.path()) || orgs.isDeputy(org.id(), user.personId());
    }

    /** The current user's own leave requests. */
    @PreAuthorize("hasAuthority('" + Permissions.LEAVE_REQUEST + "')")
    public List<LeaveRow> myLeaves() {
        long me = myPerson();
        List<LeaveRequest> mine = leaves.findByPersonIdOrderByIdDesc(me);
        Map<Long, PersonRef> people = access.people(Set.of(me));
        Map<Long, StudySession> byId = sessionsOf(mine);
        return mine.stream()
                .map(l -> SessionAccess.leaveRow(l, byId.get(l.sessionId()), people))
                .toList();
    }

    /** The current user's make-up studies in the organisation and year, open ones first. */
    @PreAuthorize("hasAuthority('" + Permissions.LEAVE_REQUEST + "')")
    public List<MakeUpTask> myMakeUps(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        long me = myPerson();
        List<MakeUpTask> tasks = new ArrayList<>();
        for (StudySession s : sessions.findByOrgIdAndDateBetweenOrderByDate(
                org.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
            if (s.status() == SessionStatus.CANCELLED) {
                continue;
            }
            s.attendance().stream()
                    .filter(a -> a.personId() == me && a.status() == AttendanceStatus.LEAVE)
                    .forEach(a -> tasks.add(new MakeUpTask(
                            s.getId(), s.title(), s.date(), a.makeUpDueOn(), a.makeUpDoneOn(), a.makeUpNote())));
        }
        tasks.sort(java.util.Comparator.comparing((MakeUpTask t) -> t.doneOn() != null)
                .thenComparing(MakeUpTask::sessionDate));
        return tasks;
    }

    /** The member completes their own make-up study with a note (体会). */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.LEAVE_REQUEST + "')")
    public void completeMyMakeUp(long sessionId, String note) {
        StudySession session = access.readable(sessionId);
        if (note == null || note.isBlank() || note.length() > 1000) {
            throw new BusinessRuleException("请填写补学内容与体会（最长1000字）");
        }
        LocalDate today = LocalDate.now(clock);
        session.recordMakeUp(myPerson(), today, note.trim());
        audit.record(AuditAction.UPDATE, "补学", sessionId, "完成补学：" + session.title());
        sessions.save(session);
    }

    /** Check-in from the QR code: the token must be current and the session within its check-in window. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_VIEW + "')")
    public String checkInWithToken(long sessionId, String token) {
        StudySession session = access.readable(sessionId);
        if (!CheckInCodes.tokenValid(secret(session), token, clock.instant())) {
            throw new BusinessRuleException("签到码已过期，请重新扫描会场屏幕上的二维码");
        }
        return checkIn(session);
    }

    /** Check-in with the 6-character code typed on a phone that cannot scan. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_VIEW + "')")
    public String checkInWithCode(String code) {
        LedgerUser user = CurrentUser.require();
        LocalDate today = LocalDate.now(clock);
        Set<Long> orgIds = new HashSet<>();
        orgs.readableOrgs().forEach(o -> orgIds.add(o.id()));
        for (Long orgId : orgIds) {
            for (StudySession s : sessions.findByOrgIdAndDateBetweenOrderByDate(orgId, today, today)) {
                if (s.attendance().stream()
                                .anyMatch(a -> Long.valueOf(a.personId()).equals(user.personId()))
                        && CheckInCodes.codeValid(secret(s), code, clock.instant())) {
                    return checkIn(s);
                }
            }
        }
        throw new BusinessRuleException("签到码无效或已过期，请核对会场屏幕上的签到码");
    }

    /**
     * What the clerk's check-in screen shows now: the codes, the display link for the meeting-room computer and how
     * many have checked in.
     */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public CheckInScreen screen(long sessionId) {
        StudySession session = access.as(Role.CLERK, sessionId);
        String secret = secret(session);
        long present = session.attendance().stream()
                .filter(a -> a.status() == AttendanceStatus.PRESENT)
                .count();
        return new CheckInScreen(
                codes(session, secret),
                CheckInCodes.displayToken(sessionId, secret),
                present,
                session.attendance().size());
    }

    /**
     * What the meeting-room screen opened from its display link shows, without signing in: the token is the
     * permission. A token that is malformed, forged, of another session, or of a session no longer planned (held,
     * archived) finds nothing, as a session that does not exist.
     */
    public CheckInCode display(String displayToken) {
        OptionalLong id = CheckInCodes.displayedSession(displayToken);
        return (id.isPresent() ? sessions.findById(id.getAsLong()) : Optional.<StudySession>empty())
                .filter(s -> s.status() == SessionStatus.PLANNED
                        && CheckInCodes.displayTokenValid(s.getId(), s.checkinSecret(), displayToken))
                .map(s -> codes(s, s.checkinSecret()))
                .orElseThrow(() -> NotFoundException.of("签到投屏"));
    }

    private CheckInCode codes(StudySession session, String secret) {
        long period = CheckInCodes.period(clock.instant());
        LocalDateTime now = LocalDateTime.now(clock);
        boolean open = !now.isBefore(session.checkInOpens()) && now.isBefore(session.checkInCloses());
        return new CheckInCode(
                session.getId(),
                session.title(),
                session.date(),
                CheckInCodes.token(secret, period),
                CheckInCodes.code(secret, period),
                CheckInCodes.ROTATION_SECONDS,
                open,
                session.checkInOpens(),
                session.checkInCloses());
    }

    /**
     * What the meeting-room screen shows, signed in or from the display link: the session's title and date and this
     * period's codes, nothing else.
     */
    public record CheckInCode(
            long sessionId,
            String title,
            LocalDate date,
            String token,
            String code,
            int rotationSeconds,
            boolean open,
            LocalDateTime opens,
            LocalDateTime closes) {}

    /** The clerk's check-in screen: the codes, the token of the display link, how many have checked in. */
    public record CheckInScreen(CheckInCode codes, String displayToken, long present, long expected) {}

    private String checkIn(StudySession session) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (now.isBefore(session.checkInOpens()) || !now.isBefore(session.checkInCloses())) {
            throw new BusinessRuleException("不在签到时间内（" + session.checkInOpens().toLocalTime() + " 至 "
                    + session.checkInCloses().toLocalTime() + "）");
        }
        long me = myPerson();
        // Only this participant's row is written, under its row lock and re-read: members checking in at the same
        // second never conflict, and the same member twice gets "already checked in" instead of an error.
        entities.refresh(session.attendanceOf(me), LockModeType.PESSIMISTIC_WRITE);
        session.checkIn(me, now);
        audit.record(AuditAction.UPDATE, "签到", session.getId(), "扫码签到：" + session.title());
        sessions.flush();
        return session.title();
    }

    /**
     * The session's check-in secret, created once for a session that has none (restored from an archive, or older
     * than check-in): an update that only sets it while it is empty, so screens opened at the same time agree and
     * the session's version is not touched.
     */
    private String secret(StudySession session) {
        if (session.checkinSecret() != null) {
            return session.checkinSecret();
        }
        sessions.createCheckinSecret(session.getId(), CheckInCodes.newSecret());
        return sessions.checkinSecretOf(session.getId());
    }

    private int makeUpDays(StudySession session) {
        return makeUpPeriod.days(session.orgId(), session.date().getYear());
    }

    private static long myPerson() {
        Long me = CurrentUser.require().personId();
        if (me == null) {
            throw new BusinessRuleException("当前账号未关联人员");
        }
        return me;
    }

    private Group group(StudySession session) {
        LedgerUser user = CurrentUser.require();
        return new Group(
                orgs.group(session.orgId(), session.date().getYear()),
                user.personId(),
                user.hasRoleAt(Role.LEADER, access.org(session).path()));
    }

    /**
     * The year's central group of a session, seen by the current user: who asks whom for leave. The 组长 of the
     * group asks a 副组长; everyone else asks the 组长 (the LEADER account of the organisation).
     */
    private record Group(List<GroupMember> members, Long me, boolean meLeader) {

        boolean isLeader(long personId) {
            return has(personId, GroupRole.LEADER);
        }

        boolean hasDeputy() {
            return members.stream().anyMatch(m -> m.role() == GroupRole.DEPUTY);
        }

        boolean meDeputy() {
            return me != null && isDeputy(me);
        }

        boolean isDeputy(long personId) {
            return has(personId, GroupRole.DEPUTY);
        }

        /** Whether the current user decides some leave of this group. */
        boolean holdsApproval() {
            return meLeader || meDeputy();
        }

        /** Whether the current user is the one who decides this request (the requester aside). */
        boolean decides(LeaveRequest request) {
            return isLeader(request.personId()) ? meDeputy() : meLeader;
        }

        private boolean has(long personId, GroupRole role) {
            return members.stream().anyMatch(m -> m.personId() == personId && m.role() == role);
        }
    }

    private static Set<Long> personIds(List<LeaveRequest> requests) {
        Set<Long> ids = new HashSet<>();
        requests.forEach(r -> ids.add(r.personId()));
        return ids;
    }
}
