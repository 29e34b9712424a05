package cn.studyledger.session.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileDownload;
import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.files.StoredFile;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Decisions;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.PersonRef;
import cn.studyledger.session.SpeechKind;
import cn.studyledger.session.SpeechOutlines;
import cn.studyledger.session.domain.SessionViews.SessionDetail;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * What is recorded around a session besides attendance: its 学习方案 and the 组长's decision, 列席 attendees,
 * speeches with outlines, minutes with attachments, and the presider's evaluation.
 */
@Service
@Transactional(readOnly = true)
public class SessionRecordService {

    private final SessionRepository sessions;
    private final SessionAccess access;
    private final OrgApi orgs;
    private final FileStore files;
    private final AuditLog audit;
    private final Clock clock;
    private final SpeechOutlines outlines;

    SessionRecordService(
            SessionRepository sessions,
            SessionAccess access,
            OrgApi orgs,
            FileStore files,
            AuditLog audit,
            Clock clock,
            SpeechOutlines outlines) {
        this.clock = clock;
        this.outlines = outlines;
        this.sessions = sessions;
        this.access = access;
        this.orgs = orgs;
        this.files = files;
        this.audit = audit;
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail submitStudyPlan(long id, long version, String plan) {
        StudySession session = access.as(Role.CLERK, id);
        session.checkVersion(version);
        if (plan != null && plan.length() > 4000) {
            throw new BusinessRuleException("学习方案最长4000字");
        }
        session.submitStudyPlan(plan, Decisions.Party.current());
        audit.record(AuditAction.UPDATE, "学习方案", id, "提交学习方案：" + session.title());
        return saved(session);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_APPROVE + "')")
    public SessionDetail decideStudyPlan(long id, long version, boolean approve, String comment) {
        StudySession session = access.as(Role.LEADER, id);
        session.checkVersion(version);
        if (comment != null && comment.length() > 500) {
            throw new BusinessRuleException("审批意见最长500字");
        }
        session.decideStudyPlan(
                approve,
                comment,
                Decisions.Party.current(),
                CurrentUser.require().displayName(),
                LocalDateTime.now(clock));
        audit.record(AuditAction.UPDATE, "学习方案", id, (approve ? "批准" : "退回") + "学习方案：" + session.title());
        return saved(session);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail addAttendee(long id, long personId) {
        StudySession session = access.as(Role.CLERK, id);
        boolean ofOrg = orgs.activePeople(session.orgId()).stream().anyMatch(p -> p.id() == personId);
        if (!ofOrg) {
            throw new BusinessRuleException("列席人员须为本单位在职人员");
        }
        session.addAttendee(personId);
        audit.record(AuditAction.UPDATE, "列席", id, "安排列席 人员#" + personId);
        return saved(session);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail removeAttendee(long id, long personId) {
        StudySession session = access.as(Role.CLERK, id);
        session.removeAttendee(personId);
        audit.record(AuditAction.DELETE, "列席", id, "移出列席 人员#" + personId);
        return saved(session);
    }

    /** Records a speech; a KEY speech needs its outline, stored in the same transaction (nothing half-saved). */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail addSpeech(long id, long personId, SpeechKind kind, String title, MultipartFile outline) {
        StudySession session = access.as(Role.CLERK, id);
        if (kind == null) {
            throw new BusinessRuleException("请选择发言类型");
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new BusinessRuleException("请填写发言题目（最长200字）");
        }
        Long fileId = outline == null || outline.isEmpty()
                ? null
                : files.store(outline, FileKind.DOCUMENTS).id();
        session.addSpeech(
                personId,
                kind,
                title.trim(),
                fileId,
                outlines.required(session.orgId(), session.date().getYear(), kind));
        audit.record(AuditAction.CREATE, "发言", id, kind.label() + "：" + title.trim());
        return saved(session);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail removeSpeech(long id, long speechId) {
        StudySession session = access.as(Role.CLERK, id);
        session.removeSpeech(speechId);
        audit.record(AuditAction.DELETE, "发言", id, "删除发言 #" + speechId);
        return saved(session);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail recordMinutes(long id, long version, String text) {
        StudySession session = access.as(Role.CLERK, id);
        session.checkVersion(version);
        if (text != null && text.length() > 8000) {
            throw new BusinessRuleException("学习记录最长8000字");
        }
        session.recordMinutes(text);
        audit.record(AuditAction.UPDATE, "学习记录", id, "保存学习记录：" + session.title());
        return saved(session);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail attach(long id, MultipartFile upload) {
        StudySession session = access.as(Role.CLERK, id);
        StoredFile file = files.store(upload, FileKind.DOCUMENTS);
        session.attach(file.id());
        audit.record(AuditAction.CREATE, "附件", id, "上传附件 " + file.originalName());
        return saved(session);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_EDIT + "')")
    public SessionDetail detach(long id, long fileId) {
        StudySession session = access.as(Role.CLERK, id);
        session.detach(fileId);
        audit.record(AuditAction.DELETE, "附件", id, "删除附件 #" + fileId);
        return saved(session);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_APPROVE + "')")
    public SessionDetail evaluate(long id, long version, String text) {
        StudySession session = access.as(Role.LEADER, id);
        session.checkVersion(version);
        if (text != null && text.length() > 4000) {
            throw new BusinessRuleException("讲评最长4000字");
        }
        LedgerUser user = CurrentUser.require();
        session.evaluate(text, user.displayName(), user.personId(), LocalDateTime.now(clock));
        audit.record(AuditAction.UPDATE, "学习讲评", id, "学习讲评：" + session.title());
        return saved(session);
    }

    /** A file of the session (attachment or speech outline), for someone who may read the session. */
    @PreAuthorize("hasAuthority('" + Permissions.SESSION_VIEW + "')")
    public FileDownload download(long id, long fileId) {
        StudySession session = access.readable(id);
        boolean belongs = session.attachments().contains(fileId)
                || session.speeches().stream()
                        .anyMatch(s -> Long.valueOf(fileId).equals(s.outlineFileId()));
        if (!belongs) {
            throw NotFoundException.of("文件");
        }
        return new FileDownload(files.describe(fileId), files.open(fileId));
    }

    /** People of the session's organisation who may be added as 列席 (youth cadres first). */
    public java.util.List<PersonRef> attendeeCandidates(long id) {
        StudySession session = access.readable(id);
        java.util.Set<Long> expected = new java.util.HashSet<>();
        session.attendance().forEach(a -> expected.add(a.personId()));
        return orgs.activePeople(session.orgId()).stream()
                .filter(p -> !expected.contains(p.id()))
                .sorted(java.util.Comparator.comparing((PersonRef p) -> !p.youthCadre())
                        .thenComparing(PersonRef::name))
                .toList();
    }

    private SessionDetail saved(StudySession session) {
        sessions.flush();
        return access.detail(session);
    }
}
