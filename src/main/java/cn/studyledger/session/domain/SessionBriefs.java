package cn.studyledger.session.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.common.time.OfficeTime;
import cn.studyledger.office.MeetingDocuments;
import cn.studyledger.org.OrgRef;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.AttendeeRole;
import cn.studyledger.session.IssuedBrief;
import cn.studyledger.session.SessionOrdinal;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.SpeechKind;
import cn.studyledger.session.domain.SessionViews.AttendanceRow;
import cn.studyledger.session.domain.SessionViews.SessionDetail;
import cn.studyledger.session.domain.SessionViews.SpeechRow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A session's 学习简报: composed from the record while none is stored (nothing saved by reading it), edited and
 * stored by the clerk, issued once as the organisation's next 第N期 of the session's year and frozen from then on.
 */
@Service
public class SessionBriefs {

    private final SessionBriefRepository briefs;
    private final SessionAccess access;
    private final MeetingDocuments documents;
    private final AuditLog audit;
    private final Clock clock;

    SessionBriefs(
            SessionBriefRepository briefs,
            SessionAccess access,
            MeetingDocuments documents,
            AuditLog audit,
            Clock clock) {
        this.briefs = briefs;
        this.access = access;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A session's brief as the page and the API show it.
     *
     * @param stored false for a draft composed from the record that nobody has saved yet
     * @param version the version a PUT or an issue must name (0 for a draft not yet stored)
     * @param issueNo the 第N期 number once issued; null for a draft
     * @param paragraphs the body split into its paragraphs
     */
    public record BriefView(
            long sessionId,
            int year,
            Integer issueNo,
            String title,
            String body,
            List<String> paragraphs,
            boolean issued,
            boolean stored,
            LocalDate issuedOn,
            String issuedBy,
            long version) {

        /** 第N期, or null while a draft. */
        public String issueLabel() {
            return issueNo == null ? null : "第" + issueNo + "期";
        }
    }

    /** The stored brief of a session the user may read, or a draft composed from its record (not stored). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_VIEW + "')")
    public BriefView get(long sessionId) {
        StudySession session = access.readable(sessionId);
        return briefs.findBySessionId(sessionId).map(SessionBriefs::view).orElseGet(() -> composed(session));
    }

    /** Stores the clerk's edits of the draft; a stale version is a 409, an issued brief refuses (422). */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public BriefView save(long sessionId, long version, String title, String body) {
        StudySession session = access.as(Role.CLERK, sessionId);
        SessionBrief brief = stored(session, version);
        brief.edit(title, body);
        briefs.saveAndFlush(brief);
        audit.record(AuditAction.UPDATE, "学习简报", sessionId, "编辑学习简报：" + brief.title());
        return view(brief);
    }

    /**
     * Issues the brief as the organisation's next 第N期 of the session's year; the session must be held. Two issues at
     * the same moment meet at the unique number: the loser gets a 409 and nothing is saved.
     */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public BriefView issue(long sessionId, long version) {
        StudySession session = access.as(Role.CLERK, sessionId);
        if (session.status() != SessionStatus.HELD) {
            throw new BusinessRuleException("集中学习举行后才能印发学习简报");
        }
        SessionBrief brief = stored(session, version);
        if (brief.status() == SessionBrief.Status.ISSUED) {
            throw new BusinessRuleException(SessionBrief.FROZEN);
        }
        int next = briefs.lastIssueNo(brief.orgId(), brief.year()) + 1;
        brief.issue(next, LocalDate.now(clock), CurrentUser.require().displayName());
        briefs.saveAndFlush(brief);
        audit.record(AuditAction.UPDATE, "学习简报", sessionId, "印发学习简报第" + next + "期：" + brief.title());
        return view(brief);
    }

    /**
     * The brief as a Word file: 「学习简报」, 第N期, issuer and date, title and body. A draft not yet issued is written
     * too, marked 【草稿】 with no number, so the clerk can proofread it on paper.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_VIEW + "')")
    public byte[] docx(long sessionId) {
        StudySession session = access.readable(sessionId);
        BriefView brief = get(sessionId);
        audit.recordExport("学习简报", sessionId, "导出学习简报：" + brief.title());
        return write(access.org(session), brief);
    }

    /**
     * The issued brief of a session with its Word file, for {@code SessionApi}: no scope check and no audit line here,
     * the caller checks the organisation and records what it does with the brief. Empty while the brief is a draft.
     */
    @Transactional(readOnly = true)
    public Optional<IssuedBrief> issued(long sessionId) {
        return briefs.findBySessionId(sessionId)
                .filter(b -> b.status() == SessionBrief.Status.ISSUED)
                .map(b -> {
                    BriefView brief = view(b);
                    StudySession session = access.session(sessionId);
                    return new IssuedBrief(
                            sessionId,
                            b.orgId(),
                            b.year(),
                            b.issueNo(),
                            b.title(),
                            session.title(),
                            brief.paragraphs(),
                            b.issuedOn(),
                            fileName(brief),
                            write(access.org(session), brief));
                });
    }

    /** The Word file's name: 2025-学习简报-第3期.docx, a draft's 2025-学习简报-草稿.docx. */
    public static String fileName(BriefView brief) {
        return brief.year() + "-学习简报" + (brief.issueNo() == null ? "-草稿" : "-第" + brief.issueNo() + "期") + ".docx";
    }

    private byte[] write(OrgRef org, BriefView brief) {
        return documents.brief(new MeetingDocuments.Brief(
                org.issuer(),
                org.issuerFull(),
                brief.year(),
                brief.issueNo(),
                brief.title(),
                brief.paragraphs(),
                brief.issued() ? brief.issuedOn() : LocalDate.now(clock)));
    }

    /** The stored brief, created from the composed draft the first time (version 0). */
    private SessionBrief stored(StudySession session, long version) {
        Optional<SessionBrief> existing = briefs.findBySessionId(session.getId());
        if (existing.isPresent()) {
            existing.get().checkVersion(version);
            return existing.get();
        }
        if (version != 0) {
            throw new cn.studyledger.common.ConflictException();
        }
        BriefView draft = composed(session);
        SessionBrief brief = new SessionBrief(
                session.getId(), session.orgId(), session.date().getYear());
        brief.edit(draft.title(), draft.body());
        return brief;
    }

    private BriefView composed(StudySession session) {
        SessionDetail d = access.detail(session);
        OrgRef org = access.org(session);
        String body = String.join("\n", compose(d, org.issuer()));
        return new BriefView(
                d.id(),
                d.date().getYear(),
                null,
                title(d, org.issuer()),
                body,
                paragraphs(body),
                false,
                false,
                null,
                null,
                0);
    }

    private static String title(SessionDetail d, String issuer) {
        SessionOrdinal n = d.numbering();
        return issuer + "理论学习中心组" + (n == null ? "集中学习" : n.overall() + "集中学习") + "：" + d.title();
    }

    /** The record's facts as the brief's paragraphs; a fact not recorded is left out rather than invented. */
    static List<String> compose(SessionDetail d, String issuer) {
        List<String> out = new ArrayList<>();
        SessionOrdinal n = d.numbering();
        out.add(OfficeTime.chineseDate(d.date()) + "，" + issuer + "理论学习中心组"
                + (d.place() == null || d.place().isBlank() ? "" : "在" + d.place()) + "召开"
                + (n == null ? "集中学习" : n.label()) + "（" + d.format().label() + "），主题为“" + d.title() + "”。"
                + (d.presiderName() == null ? "" : "会议由" + d.presiderName() + "同志主持。"));
        List<AttendanceRow> members = d.attendance().stream()
                .filter(a -> a.role() == AttendeeRole.MEMBER)
                .toList();
        long present = members.stream()
                .filter(a -> a.status() == AttendanceStatus.PRESENT)
                .count();
        long leave = members.stream()
                .filter(a -> a.status() == AttendanceStatus.LEAVE)
                .count();
        List<String> attendees = d.attendance().stream()
                .filter(a -> a.role() == AttendeeRole.ATTENDEE && a.status() == AttendanceStatus.PRESENT)
                .map(AttendanceRow::name)
                .toList();
        out.add("中心组成员应到" + members.size() + "人，实到" + present + "人" + (leave > 0 ? "，请假" + leave + "人" : "") + "。"
                + (attendees.isEmpty() ? "" : "列席" + attendees.size() + "人：" + String.join("、", attendees) + "。"));
        if (!d.agenda().isEmpty()) {
            List<String> items = new ArrayList<>();
            int i = 1;
            for (SessionViews.AgendaRow a : d.agenda()) {
                items.add(i++ + ". 【" + a.kind().label() + "】" + a.title());
            }
            out.add("会议学习了：" + String.join("；", items) + "。");
        }
        for (SpeechKind kind : SpeechKind.values()) {
            List<String> speeches = d.speeches().stream()
                    .filter(s -> s.kind() == kind)
                    .map(SessionBriefs::speech)
                    .toList();
            if (!speeches.isEmpty()) {
                out.add(kind.label() + "：" + String.join("；", speeches) + "。");
            }
        }
        if (d.evaluation() != null && d.evaluation().text() != null) {
            out.add((d.evaluation().by() == null ? "" : d.evaluation().by() + "同志") + "作学习讲评："
                    + d.evaluation().text());
        }
        return out;
    }

    private static String speech(SpeechRow s) {
        return s.speaker() + "同志作题为《" + s.title() + "》的发言";
    }

    private static BriefView view(SessionBrief b) {
        return new BriefView(
                b.sessionId(),
                b.year(),
                b.issueNo(),
                b.title(),
                b.body(),
                paragraphs(b.body()),
                b.status() == SessionBrief.Status.ISSUED,
                true,
                b.issuedOn(),
                b.issuedBy(),
                b.getVersion());
    }

    private static List<String> paragraphs(String body) {
        return Arrays.stream(body.split("\\R"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }
}
