package cn.studyledger.session.web;

import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.common.web.Flash;
import cn.studyledger.office.MeetingDocuments;
import cn.studyledger.session.SpeechKind;
import cn.studyledger.session.domain.SessionBriefs;
import cn.studyledger.session.domain.SessionNotices;
import cn.studyledger.session.domain.SessionPapers;
import cn.studyledger.session.domain.SessionRecordService;
import cn.studyledger.session.domain.SessionService;
import cn.studyledger.session.domain.SessionViews.SessionDetail;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Forms on the session page: 学习方案, 列席, speeches, minutes and attachments, 讲评, and file downloads. */
@Controller
class SessionRecordController {

    private final SessionRecordService records;
    private final SessionService sessions;
    private final MeetingDocuments documents;
    private final AuditLog audit;
    private final SessionNotices notices;
    private final SessionBriefs briefs;

    SessionRecordController(
            SessionRecordService records,
            SessionService sessions,
            MeetingDocuments documents,
            AuditLog audit,
            SessionNotices notices,
            SessionBriefs briefs) {
        this.briefs = briefs;
        this.notices = notices;
        this.records = records;
        this.sessions = sessions;
        this.documents = documents;
        this.audit = audit;
    }

    @GetMapping("/sessions/{id}/notice.docx")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    ResponseEntity<byte[]> notice(@PathVariable long id) {
        SessionDetail detail = sessions.get(id);
        byte[] docx = documents.notice(meeting(detail), notices.issuedOn(id));
        audit.recordExport("会议通知", id, "导出会议通知：" + detail.title());
        return Downloads.document(docx, Downloads.DOCX, detail.date() + "-会议通知.docx");
    }

    @GetMapping("/sessions/{id}/signin.docx")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    ResponseEntity<byte[]> signIn(@PathVariable long id) {
        SessionDetail detail = sessions.get(id);
        byte[] docx = documents.signInSheet(meeting(detail));
        audit.recordExport("签到表", id, "导出签到表：" + detail.title());
        return Downloads.document(docx, Downloads.DOCX, detail.date() + "-签到表.docx");
    }

    /** The 学习简报 as Word; a draft not yet issued comes marked 【草稿】 (SessionBriefs#docx). */
    @GetMapping("/sessions/{id}/brief.docx")
    ResponseEntity<byte[]> brief(@PathVariable long id) {
        SessionBriefs.BriefView brief = briefs.get(id);
        return Downloads.document(briefs.docx(id), Downloads.DOCX, SessionBriefs.fileName(brief));
    }

    @PostMapping("/sessions/{id}/brief")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String saveBrief(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam String title,
            @RequestParam String body,
            RedirectAttributes redirect) {
        briefs.save(id, version, title, body);
        return back(id, redirect, "session.flash.saveBrief");
    }

    @PostMapping("/sessions/{id}/brief/issue")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String issueBrief(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        briefs.issue(id, version);
        return back(id, redirect, "session.flash.issueBrief");
    }

    private MeetingDocuments.Meeting meeting(SessionDetail d) {
        return SessionPapers.meeting(d, sessions.issuer(d.orgCode()));
    }

    @PostMapping("/sessions/{id}/plan")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String submitPlan(
            @PathVariable long id, @RequestParam long version, @RequestParam String plan, RedirectAttributes redirect) {
        records.submitStudyPlan(id, version, plan);
        return back(id, redirect, "session.flash.submitPlan");
    }

    @PostMapping("/sessions/{id}/plan/decision")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_APPROVE + "')")
    String decidePlan(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam boolean approve,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        records.decideStudyPlan(id, version, approve, comment);
        return back(id, redirect, approve ? "session.flash.planApproved" : "session.flash.planReturned");
    }

    @PostMapping("/sessions/{id}/attendees")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String addAttendee(@PathVariable long id, @RequestParam long personId, RedirectAttributes redirect) {
        records.addAttendee(id, personId);
        return back(id, redirect, "session.flash.addAttendee");
    }

    @PostMapping("/sessions/{id}/attendees/{personId}/remove")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String removeAttendee(@PathVariable long id, @PathVariable long personId, RedirectAttributes redirect) {
        records.removeAttendee(id, personId);
        return back(id, redirect, "session.flash.removeAttendee");
    }

    @PostMapping("/sessions/{id}/speeches")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String addSpeech(
            @PathVariable long id,
            @RequestParam long personId,
            @RequestParam SpeechKind kind,
            @RequestParam String title,
            @RequestParam(required = false) MultipartFile outline,
            RedirectAttributes redirect) {
        records.addSpeech(id, personId, kind, title, outline);
        return back(id, redirect, "session.flash.addSpeech");
    }

    @PostMapping("/sessions/{id}/speeches/{speechId}/remove")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String removeSpeech(@PathVariable long id, @PathVariable long speechId, RedirectAttributes redirect) {
        records.removeSpeech(id, speechId);
        return back(id, redirect, "session.flash.removeSpeech");
    }

    @PostMapping("/sessions/{id}/minutes")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String minutes(
            @PathVariable long id, @RequestParam long version, @RequestParam String text, RedirectAttributes redirect) {
        records.recordMinutes(id, version, text);
        return back(id, redirect, "session.flash.minutes");
    }

    @PostMapping("/sessions/{id}/attachments")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String attach(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        records.attach(id, file);
        return back(id, redirect, "session.flash.attach");
    }

    @PostMapping("/sessions/{id}/attachments/{fileId}/remove")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    String detach(@PathVariable long id, @PathVariable long fileId, RedirectAttributes redirect) {
        records.detach(id, fileId);
        return back(id, redirect, "session.flash.detach");
    }

    @PostMapping("/sessions/{id}/evaluation")
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_APPROVE + "')")
    String evaluate(
            @PathVariable long id, @RequestParam long version, @RequestParam String text, RedirectAttributes redirect) {
        records.evaluate(id, version, text);
        return back(id, redirect, "session.flash.evaluate");
    }

    @GetMapping("/sessions/{id}/files/{fileId}")
    ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable long fileId) {
        return Downloads.attachment(records.download(id, fileId));
    }

    private static String back(long id, RedirectAttributes redirect, String message) {
        return Flash.done(redirect, message, "/sessions/" + id);
    }
}
