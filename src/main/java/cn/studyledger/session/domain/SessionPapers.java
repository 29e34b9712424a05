package cn.studyledger.session.domain;

import cn.studyledger.common.time.OfficeTime;
import cn.studyledger.office.DocumentBlock;
import cn.studyledger.office.DossierDocument;
import cn.studyledger.office.DossierProvider;
import cn.studyledger.office.DossierSection;
import cn.studyledger.office.MeetingDocuments;
import cn.studyledger.office.OfficeDocuments;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.AttendeeRole;
import cn.studyledger.session.IssuedBrief;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.domain.SessionViews.AttendanceRow;
import cn.studyledger.session.domain.SessionViews.SessionDetail;
import cn.studyledger.session.domain.SessionViews.SpeechRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The papers of the year's held sessions for the 学习档案专卷: each session's 会议记录 (from its minutes), 签到表 and
 * issued 学习简报, written as Word files, and the 发言提纲 its speakers stored.
 */
@Component
public class SessionPapers implements DossierProvider {

    private final SessionRepository sessions;
    private final SessionAccess access;
    private final SessionBriefs briefs;
    private final MeetingDocuments meetings;
    private final OfficeDocuments office;
    private final OrgApi orgs;

    SessionPapers(
            SessionRepository sessions,
            SessionAccess access,
            SessionBriefs briefs,
            MeetingDocuments meetings,
            OfficeDocuments office,
            OrgApi orgs) {
        this.sessions = sessions;
        this.access = access;
        this.briefs = briefs;
        this.meetings = meetings;
        this.office = office;
        this.orgs = orgs;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DossierDocument> documents(String orgCode, int year, boolean withContent) {
        OrgRef org = orgs.requireReadable(orgCode);
        List<DossierDocument> out = new ArrayList<>();
        for (StudySession session : sessions.findByOrgIdAndDateBetweenOrderByDate(
                org.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
            if (session.status() != SessionStatus.HELD) {
                continue;
            }
            SessionDetail d = access.detail(session);
            String name = d.date() + "-" + d.id() + "-";
            String label = d.numbering() == null ? d.title() : d.numbering().label() + "：" + d.title();
            if (d.minutes() != null) {
                out.add(DossierDocument.written(
                        DossierSection.MINUTES,
                        label + "会议记录",
                        d.date(),
                        name + "会议记录.docx",
                        withContent ? minutes(d, org) : null));
            }
            out.add(DossierDocument.written(
                    DossierSection.ATTENDANCE,
                    label + "签到表",
                    d.date(),
                    name + "签到表.docx",
                    withContent ? meetings.signInSheet(meeting(d, org.issuerFull())) : null));
            Optional<IssuedBrief> brief = briefs.issued(d.id());
            brief.ifPresent(b -> out.add(DossierDocument.written(
                    DossierSection.BRIEF,
                    "学习简报" + b.issueLabel() + "：" + b.title(),
                    b.issuedOn(),
                    b.fileName(),
                    withContent ? b.docx() : null)));
            for (SpeechRow s : d.speeches()) {
                if (s.outlineFileId() != null) {
                    out.add(DossierDocument.stored(
                            DossierSection.SPEECH_OUTLINE,
                            s.speaker() + "：《" + s.title() + "》（" + s.kind().label() + "）",
                            d.date(),
                            s.outlineFileId()));
                }
            }
        }
        return out;
    }

    /** The 会议记录: the session's facts, who was there, and the minutes as the recorder wrote them. */
    private byte[] minutes(SessionDetail d, OrgRef org) {
        List<DocumentBlock> blocks = new ArrayList<>();
        blocks.add(new DocumentBlock.Title(org.issuer() + "理论学习中心组集中学习会议记录"));
        blocks.add(new DocumentBlock.Body("学习主题：" + d.title()));
        blocks.add(new DocumentBlock.Body("时间：" + OfficeTime.chineseDate(d.date())));
        if (d.place() != null && !d.place().isBlank()) {
            blocks.add(new DocumentBlock.Body("地点：" + d.place()));
        }
        blocks.add(new DocumentBlock.Body("形式：" + d.format().label()));
        if (d.presiderName() != null) {
            blocks.add(new DocumentBlock.Body("主持人：" + d.presiderName()));
        }
        if (d.recorderName() != null) {
            blocks.add(new DocumentBlock.Body("记录人：" + d.recorderName()));
        }
        blocks.add(new DocumentBlock.Body("出席：" + names(d, AttendanceStatus.PRESENT)));
        String leave = names(d, AttendanceStatus.LEAVE);
        if (!leave.isEmpty()) {
            blocks.add(new DocumentBlock.Body("请假：" + leave));
        }
        blocks.add(new DocumentBlock.Heading1("会议内容"));
        Arrays.stream(d.minutes().split("\\R"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .forEach(p -> blocks.add(new DocumentBlock.Body(p)));
        return office.docx(blocks);
    }

    private static String names(SessionDetail d, AttendanceStatus status) {
        return String.join(
                "、",
                d.attendance().stream()
                        .filter(a -> a.role() == AttendeeRole.MEMBER && a.status() == status)
                        .map(AttendanceRow::name)
                        .toList());
    }

    /** What the notice and the sign-in sheet of the session say, under the organisation's full issuer name. */
    public static MeetingDocuments.Meeting meeting(SessionDetail d, String issuer) {
        boolean held = d.status() == SessionStatus.HELD;
        return new MeetingDocuments.Meeting(
                issuer,
                d.title(),
                d.date(),
                d.startTime(),
                d.place(),
                d.format().label(),
                d.presiderName(),
                d.agenda().stream()
                        .map(a -> "【" + a.kind().label() + "】" + a.title())
                        .toList(),
                d.attendance().stream()
                        .map(a -> new MeetingDocuments.Participant(
                                a.name(),
                                a.position(),
                                a.role().label(),
                                // a sheet printed before the meeting is signed by hand: no status or time yet
                                held && a.status() != null ? a.status().label() : null,
                                held ? a.checkInAt() : null))
                        .toList(),
                d.numbering() == null ? null : d.numbering().label(),
                d.numbering() == null ? null : d.numbering().inFormat());
    }
}
