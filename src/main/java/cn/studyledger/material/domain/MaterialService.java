package cn.studyledger.material.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.PageResult;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileDownload;
import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.files.StoredFile;
import cn.studyledger.common.files.Upload;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.material.IssueStatus;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Material issues (专题学习资料). The clerk of the organisation compiles, edits, publishes and deletes drafts and
 * attaches files; members, the 组长 and superiors read the published issues and download their files. Files are
 * stored in the same transaction as the change, so a refused file leaves nothing half-saved.
 */
@Service
@Transactional(readOnly = true)
public class MaterialService {

    static final String OBJECT = "专题学习资料";
    static final String READ = "hasAuthority('" + Permissions.MATERIAL_VIEW + "')";
    static final String WRITE = "hasAuthority('" + Permissions.MATERIAL_EDIT + "')";

    private final MaterialIssueRepository issues;
    private final OrgApi orgs;
    private final FileStore files;
    private final AuditLog audit;

    MaterialService(MaterialIssueRepository issues, OrgApi orgs, FileStore files, AuditLog audit) {
        this.issues = issues;
        this.orgs = orgs;
        this.files = files;
        this.audit = audit;
    }

    /** Whether the current user compiles the issues of this organisation (its clerk) and so also sees drafts. */
    public boolean edits(String orgCode) {
        return MaterialClerks.isClerk(orgs.requireReadable(orgCode));
    }

    /** Whether the current user may change this issue (the clerk of its organisation). */
    public boolean mayEdit(long id) {
        return issues.findById(id)
                .map(i -> MaterialClerks.maintains(orgs.get(i.orgId())))
                .orElse(false);
    }

    @PreAuthorize(READ)
    public PageResult<IssueView> search(String orgCode, int year, int page, int size) {
        OrgRef org = orgs.requireReadable(orgCode);
        Set<IssueStatus> statuses =
                MaterialClerks.isClerk(org) ? EnumSet.allOf(IssueStatus.class) : EnumSet.of(IssueStatus.PUBLISHED);
        var result = issues.search(
                org.id(),
                year,
                statuses,
                PageRequest.of(Math.max(page, 0), size, Sort.by(Sort.Direction.DESC, "issueNo", "id")));
        return PageResult.of(result, this::view);
    }

    @PreAuthorize(READ)
    public IssueView get(long id) {
        return view(readable(id));
    }

    /** The number the next issue of the year would get. */
    @PreAuthorize(WRITE)
    public int nextIssueNo(String orgCode, int year) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        return issues.maxIssueNo(org.id(), year) + 1;
    }

    /** Creates a draft issue with its files, all or nothing. */
    @Transactional
    @PreAuthorize(WRITE)
    public IssueView create(String orgCode, IssueCommand command, List<Upload> uploads) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        int year = command.publishedOn().getYear();
        int issueNo = command.issueNo() != null ? command.issueNo() : issues.maxIssueNo(org.id(), year) + 1;
        requireFreeNumber(org.id(), year, issueNo);
        MaterialIssue issue = new MaterialIssue(
                org.id(), issueNo, command.title().trim(), command.publishedOn(), trim(command.contents()));
        for (Upload upload : uploads) {
            issue.attach(files.store(upload, FileKind.DOCUMENTS).id());
        }
        issues.saveAndFlush(issue);
        audit.record(
                AuditAction.CREATE,
                OBJECT,
                issue.getId(),
                issue.label() + "《" + issue.title() + "》" + (uploads.isEmpty() ? "" : "，附件" + issue.fileIds()));
        return view(issue);
    }

    @Transactional
    @PreAuthorize(WRITE)
    public IssueView edit(long id, long expectedVersion, IssueCommand command) {
        MaterialIssue issue = editable(id);
        issue.checkVersion(expectedVersion);
        int year = command.publishedOn().getYear();
        int issueNo = command.issueNo() != null ? command.issueNo() : issue.issueNo();
        if (year != issue.year() || issueNo != issue.issueNo()) {
            requireFreeNumber(issue.orgId(), year, issueNo);
        }
        issue.describe(issueNo, command.title().trim(), command.publishedOn(), trim(command.contents()));
        issues.flush();
        audit.record(AuditAction.UPDATE, OBJECT, id, issue.label() + "《" + issue.title() + "》");
        return view(issue);
    }

    /** DRAFT → PUBLISHED: from now on the issue counts and members see it. */
    @Transactional
    @PreAuthorize(WRITE)
    public IssueView publish(long id, long expectedVersion) {
        MaterialIssue issue = editable(id);
        issue.checkVersion(expectedVersion);
        issue.publish();
        issues.flush();
        audit.record(AuditAction.UPDATE, OBJECT, id, "发布" + issue.label() + "《" + issue.title() + "》");
        return view(issue);
    }

    @Transactional
    @PreAuthorize(WRITE)
    public void delete(long id) {
        MaterialIssue issue = editable(id);
        issue.checkDeletable();
        issues.delete(issue);
        audit.record(AuditAction.DELETE, OBJECT, id, issue.label() + "《" + issue.title() + "》");
    }

    /** Attaches files, all or nothing; {@code expectedVersion} is checked when given. */
    @Transactional
    @PreAuthorize(WRITE)
    public IssueView attach(long id, Long expectedVersion, List<Upload> uploads) {
        MaterialIssue issue = editable(id);
        if (expectedVersion != null) {
            issue.checkVersion(expectedVersion);
        }
        if (uploads.isEmpty()) {
            throw new BusinessRuleException("请选择要上传的文件");
        }
        StringBuilder names = new StringBuilder();
        for (Upload upload : uploads) {
            StoredFile stored = files.store(upload, FileKind.DOCUMENTS);
            issue.attach(stored.id());
            names.append(' ').append(stored.originalName()).append("#").append(stored.id());
        }
        issues.flush();
        audit.record(AuditAction.UPDATE, OBJECT, id, issue.label() + " 上传附件" + names);
        return view(issue);
    }

    @Transactional
    @PreAuthorize(WRITE)
    public IssueView detach(long id, long fileId, Long expectedVersion) {
        MaterialIssue issue = editable(id);
        if (expectedVersion != null) {
            issue.checkVersion(expectedVersion);
        }
        issue.detach(fileId);
        issues.flush();
        audit.record(AuditAction.UPDATE, OBJECT, id, issue.label() + " 移除附件#" + fileId);
        return view(issue);
    }

    /** A file of an issue, after the same scope check as reading the issue; other files answer 404. */
    @PreAuthorize(READ)
    public FileDownload download(long id, long fileId) {
        MaterialIssue issue = readable(id);
        if (!issue.hasFile(fileId)) {
            throw NotFoundException.of("附件");
        }
        StoredFile file = files.describe(fileId);
        return new FileDownload(file, files.open(fileId));
    }

    /** The upload size limit, as forms show it (e.g. "20 MB"). */
    public String maxUploadSize() {
        long bytes = files.maxBytes();
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : Math.max(1, bytes / 1024) + " KB";
    }

    private void requireFreeNumber(long orgId, int year, int issueNo) {
        if (issues.existsByOrgIdAndYearAndIssueNo(orgId, year, issueNo)) {
            throw new BusinessRuleException(year + "年第" + issueNo + "期已存在，请换一个期号");
        }
    }

    /** Published issues of a readable organisation, drafts only for its clerk; anything else is "not found". */
    private MaterialIssue readable(long id) {
        return NotFoundException.unless(
                issues.findById(id),
                i -> {
                    OrgRef org = orgs.get(i.orgId());
                    return CurrentUser.require().canRead(org.path())
                            && (i.isPublished() || MaterialClerks.isClerk(org));
                },
                OBJECT);
    }

    /** Issues of the clerk's own organisation; others are "not found". */
    private MaterialIssue editable(long id) {
        return NotFoundException.unless(
                issues.findById(id), i -> MaterialClerks.maintains(orgs.get(i.orgId())), OBJECT);
    }

    private IssueView view(MaterialIssue i) {
        return new IssueView(
                i.getId(),
                i.year(),
                i.issueNo(),
                i.label(),
                i.title(),
                i.publishedOn(),
                i.contents(),
                i.status(),
                i.status().label(),
                files.describe(i.fileIds()),
                i.getVersion());
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
