package cn.studyledger.outreach.domain;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.org.OrgRef;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SessionStatus;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Experience-exchange meetings (经验交流会): the central group's own held sessions of that format, read from the
 * session module, and the external meetings the clerk records (hosted or attended by the organisation).
 */
@Service
@Transactional(readOnly = true)
public class ExchangeService {

    static final String OBJECT = "经验交流会";
    static final String READ = "hasAuthority('" + Permissions.OUTREACH_VIEW + "')";
    static final String WRITE = "hasAuthority('" + Permissions.OUTREACH_EDIT + "')";

    private final ExchangeMeetingRepository meetings;
    private final SessionApi sessions;
    private final OutreachAccess access;
    private final AuditLog audit;

    ExchangeService(ExchangeMeetingRepository meetings, SessionApi sessions, OutreachAccess access, AuditLog audit) {
        this.meetings = meetings;
        this.sessions = sessions;
        this.access = access;
        this.audit = audit;
    }

    public boolean edits(String orgCode) {
        return access.edits(orgCode);
    }

    /** Whether the current user may change this record (the clerk of its organisation). */
    public boolean mayEdit(long id) {
        return meetings.findById(id).map(r -> access.mayEditRecord(r.orgId())).orElse(false);
    }

    /** The held exchange sessions and the external meetings of the year, each by date. */
    @PreAuthorize(READ)
    public ExchangeOverview overview(String orgCode, int year) {
        OrgRef org = access.readable(orgCode);
        return new ExchangeOverview(
                sessions.sessions(org.id(), year).stream()
                        .filter(s -> s.format() == SessionFormat.EXCHANGE && s.status() == SessionStatus.HELD)
                        .toList(),
                meetings
                        .findByOrgIdAndHeldOnBetweenOrderByHeldOnAscIdAsc(
                                org.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                        .stream()
                        .map(ExchangeService::view)
                        .toList());
    }

    @PreAuthorize(READ)
    public ExchangeMeetingView get(long id) {
        ExchangeMeeting meeting = meetings.findById(id).orElseThrow(() -> NotFoundException.of(OBJECT));
        access.readableRecord(meeting.orgId(), OBJECT);
        return view(meeting);
    }

    @Transactional
    @PreAuthorize(WRITE)
    public ExchangeMeetingView create(String orgCode, ExchangeMeetingCommand command) {
        OrgRef org = access.clerkOf(orgCode);
        ExchangeMeeting meeting = new ExchangeMeeting(org.id());
        describe(meeting, command);
        meetings.saveAndFlush(meeting);
        audit.record(AuditAction.CREATE, OBJECT, meeting.getId(), summary(meeting));
        return view(meeting);
    }

    @Transactional
    @PreAuthorize(WRITE)
    public ExchangeMeetingView edit(long id, long expectedVersion, ExchangeMeetingCommand command) {
        ExchangeMeeting meeting = editable(id);
        meeting.checkVersion(expectedVersion);
        describe(meeting, command);
        meetings.flush();
        audit.record(AuditAction.UPDATE, OBJECT, id, summary(meeting));
        return view(meeting);
    }

    @Transactional
    @PreAuthorize(WRITE)
    public void delete(long id) {
        ExchangeMeeting meeting = editable(id);
        meetings.delete(meeting);
        audit.record(AuditAction.DELETE, OBJECT, id, summary(meeting));
    }

    private ExchangeMeeting editable(long id) {
        ExchangeMeeting meeting = meetings.findById(id).orElseThrow(() -> NotFoundException.of(OBJECT));
        access.editableRecord(meeting.orgId(), OBJECT);
        return meeting;
    }

    private static void describe(ExchangeMeeting meeting, ExchangeMeetingCommand c) {
        meeting.describe(
                c.title().strip(),
                c.heldOn(),
                c.host().strip(),
                c.role(),
                c.participants(),
                c.summary() == null || c.summary().isBlank()
                        ? null
                        : c.summary().strip());
    }

    private static String summary(ExchangeMeeting m) {
        return m.heldOn() + " " + m.role().label() + "《" + m.title() + "》（" + m.host() + "）";
    }

    static ExchangeMeetingView view(ExchangeMeeting m) {
        return new ExchangeMeetingView(
                m.getId(),
                m.heldOn(),
                m.title(),
                m.host(),
                m.role(),
                m.role().label(),
                m.participants(),
                m.summary(),
                m.getVersion());
    }
}
