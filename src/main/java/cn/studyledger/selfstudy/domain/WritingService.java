package cn.studyledger.selfstudy.domain;

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
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.selfstudy.SelfStudyChanged;
import cn.studyledger.selfstudy.WritingKind;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writings (学习成果). A member records, changes and deletes only their own; the clerk does so for any member of
 * the group; the 组长 and superiors read the whole group's. Files are stored in the same transaction as the
 * record, so a refused file leaves neither a record nor a stored file behind.
 */
@Service
@Transactional(readOnly = true)
public class WritingService {

    static final String OBJECT = "学习成果";
    private static final String READ =
            "hasAuthority('" + Permissions.WRITING_OWN + "') or hasAuthority('" + Permissions.SELFSTUDY_ALL + "')";
    private static final String WRITE = "hasAuthority('" + Permissions.WRITING_OWN + "')";

    private final WritingRepository writings;
    private final OrgApi orgs;
    private final FileStore files;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    WritingService(
            WritingRepository writings,
            OrgApi orgs,
            FileStore files,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.writings = writings;
        this.orgs = orgs;
        this.files = files;
        this.audit = audit;
        this.events = events;
    }

    /** Whether the current user reads the whole group's writings of this organisation, not only their own. */
    public boolean seesAll(String orgCode) {
        return seesAll(orgs.requireReadable(orgCode));
    }

    @PreAuthorize(READ)
    public PageResult<WritingView> search(
            String orgCode, int year, WritingKind kind, Long personFilter, int page, int size) {
        OrgRef org = orgs.requireReadable(orgCode);
        Set<Long> visible = GroupAuthors.visible(orgs, org, year, seesAll(org), personFilter);
        if (visible.isEmpty()) {
            return new PageResult<>(List.of(), 0, size, 0);
        }
        var result = writings.search(
                org.id(),
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31),
                visible,
                kind == null ? EnumSet.allOf(WritingKind.class) : EnumSet.of(kind),
                PageRequest.of(Math.max(page, 0), size, Sort.by(Sort.Direction.DESC, "writtenOn", "id")));
        Map<Long, PersonRef> people = orgs.people(visible);
        return PageResult.of(result, w -> view(w, people));
    }

    @PreAuthorize(READ)
    public WritingView get(long id) {
        Writing writing = readable(id);
        return view(writing, orgs.people(Set.of(writing.personId())));
    }

    /** Creates a writing and stores its file (if any) in one transaction: a refused file saves nothing. */
    @Transactional
    @PreAuthorize(WRITE)
    public WritingView create(String orgCode, WritingCommand command, Upload file) {
        OrgRef org = orgs.requireReadable(orgCode);
        long personId = GroupAuthors.author(
                orgs, org, command.personId(), command.writtenOn().getYear(), "只能登记本人的学习成果");
        Writing writing = new Writing(
                org.id(),
                personId,
                command.kind(),
                command.title().trim(),
                command.writtenOn(),
                blankToNull(command.summary()));
        if (file != null) {
            writing.attach(files.store(file, FileKind.DOCUMENTS).id());
        }
        writings.saveAndFlush(writing);
        audit.record(
                AuditAction.CREATE,
                OBJECT,
                writing.getId(),
                command.kind().label() + "《" + writing.title() + "》 人员#" + personId
                        + (file == null ? "" : "，附件" + writing.fileId()));
        events.publishEvent(new SelfStudyChanged(org.id(), command.writtenOn().getYear()));
        return view(writing, orgs.people(Set.of(personId)));
    }

    /** Changes a writing; with a file, also replaces its file, all or nothing. */
    @Transactional
    @PreAuthorize(WRITE)
    public WritingView edit(long id, long expectedVersion, WritingCommand command, Upload file) {
        Writing writing = editable(id);
        writing.checkVersion(expectedVersion);
        GroupAuthors.requireMember(
                orgs,
                orgs.get(writing.orgId()),
                writing.personId(),
                command.writtenOn().getYear());
        int yearBefore = writing.writtenOn().getYear();
        writing.edit(command.kind(), command.title().trim(), command.writtenOn(), blankToNull(command.summary()));
        if (file != null) {
            writing.attach(files.store(file, FileKind.DOCUMENTS).id());
        }
        writings.flush();
        audit.record(
                AuditAction.UPDATE,
                OBJECT,
                id,
                command.kind().label() + "《" + writing.title() + "》" + (file == null ? "" : "，附件" + writing.fileId()));
        events.publishEvent(new SelfStudyChanged(writing.orgId(), yearBefore));
        if (yearBefore != command.writtenOn().getYear()) {
            events.publishEvent(
                    new SelfStudyChanged(writing.orgId(), command.writtenOn().getYear()));
        }
        return view(writing, orgs.people(Set.of(writing.personId())));
    }

    /** Attaches (or replaces) the file of a writing; {@code expectedVersion} is checked when given. */
    @Transactional
    @PreAuthorize(WRITE)
    public WritingView attach(long id, Long expectedVersion, Upload file) {
        Writing writing = editable(id);
        if (expectedVersion != null) {
            writing.checkVersion(expectedVersion);
        }
        if (file == null) {
            throw new BusinessRuleException("请选择要上传的文件");
        }
        writing.attach(files.store(file, FileKind.DOCUMENTS).id());
        writings.flush();
        audit.record(AuditAction.UPDATE, OBJECT, id, "上传附件" + writing.fileId() + "《" + writing.title() + "》");
        return view(writing, orgs.people(Set.of(writing.personId())));
    }

    @Transactional
    @PreAuthorize(WRITE)
    public void delete(long id) {
        Writing writing = editable(id);
        writings.delete(writing);
        audit.record(AuditAction.DELETE, OBJECT, id, writing.kind().label() + "《" + writing.title() + "》");
        events.publishEvent(
                new SelfStudyChanged(writing.orgId(), writing.writtenOn().getYear()));
    }

    /** The file of a writing, after the same scope check as reading the writing. */
    @PreAuthorize(READ)
    public FileDownload download(long id) {
        Writing writing = readable(id);
        if (writing.fileId() == null) {
            throw NotFoundException.of("附件");
        }
        StoredFile file = files.describe(writing.fileId());
        return new FileDownload(file, files.open(file.id()));
    }

    /** Whether the current user may change every writing of the organisation (its clerk), not only their own. */
    public boolean editsAll(String orgCode) {
        OrgRef org = orgs.requireReadable(orgCode);
        return CurrentUser.require().hasRoleAt(Role.CLERK, org.path());
    }

    /** Whether the current user may change this writing: their own, or any of the organisation for its clerk. */
    public boolean mayEdit(long id) {
        LedgerUser user = CurrentUser.require();
        if (user.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals(Permissions.WRITING_OWN))) {
            return false;
        }
        return writings.findById(id)
                .map(w -> {
                    OrgRef org = orgs.get(w.orgId());
                    return user.canRead(org.path())
                            && (Long.valueOf(w.personId()).equals(user.personId())
                                    || user.hasRoleAt(Role.CLERK, org.path()));
                })
                .orElse(false);
    }

    /** The upload size limit, as forms show it (e.g. "20 MB"). */
    public String maxUploadSize() {
        long bytes = files.maxBytes();
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : Math.max(1, bytes / 1024) + " KB";
    }

    /** The people the current user may record writings for: the whole group for the clerk, else only themself. */
    public List<GroupMember> authors(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        LedgerUser user = CurrentUser.require();
        if (user.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals(Permissions.WRITING_OWN))) {
            return List.of();
        }
        return orgs.group(org.id(), year).stream()
                .filter(m -> user.hasRoleAt(Role.CLERK, org.path())
                        || Long.valueOf(m.personId()).equals(user.personId()))
                .toList();
    }

    /** The group of the year, for the person filter of those who see everyone's writings. */
    public List<GroupMember> group(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        return seesAll(org) ? orgs.group(org.id(), year) : List.of();
    }

    private boolean seesAll(OrgRef org) {
        LedgerUser user = CurrentUser.require();
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Permissions.SELFSTUDY_ALL))
                && (user.hasRoleAt(Role.CLERK, org.path())
                        || user.hasRoleAt(Role.LEADER, org.path())
                        || user.hasRoleAt(Role.SUPERIOR, org.path()));
    }

    /** Own writings, or all of the group for those who see everyone's; anything else is "not found". */
    private Writing readable(long id) {
        Writing writing = writings.findById(id).orElseThrow(() -> NotFoundException.of(OBJECT));
        OrgRef org = orgs.get(writing.orgId());
        LedgerUser user = CurrentUser.require();
        if (!user.canRead(org.path())) {
            throw NotFoundException.of(OBJECT);
        }
        if (!Long.valueOf(writing.personId()).equals(user.personId()) && !seesAll(org)) {
            throw NotFoundException.of(OBJECT);
        }
        return writing;
    }

    /** Own writings, or any of the organisation for its clerk; anything else is "not found". */
    private Writing editable(long id) {
        Writing writing = writings.findById(id).orElseThrow(() -> NotFoundException.of(OBJECT));
        GroupAuthors.requireEditable(orgs.get(writing.orgId()), writing.personId(), OBJECT);
        return writing;
    }

    private WritingView view(Writing w, Map<Long, PersonRef> people) {
        PersonRef p = people.get(w.personId());
        return new WritingView(
                w.getId(),
                w.personId(),
                p == null ? "#" + w.personId() : p.name(),
                w.kind(),
                w.kind().label(),
                w.title(),
                w.writtenOn(),
                w.summary(),
                w.fileId() == null ? null : files.describe(w.fileId()),
                w.getVersion());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
