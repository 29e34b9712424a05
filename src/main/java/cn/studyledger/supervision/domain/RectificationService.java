package cn.studyledger.supervision.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileDownload;
import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.org.OrgApi;
import cn.studyledger.supervision.VisitStage;
import cn.studyledger.supervision.domain.SupervisionViews.PersonOption;
import cn.studyledger.supervision.domain.SupervisionViews.RectificationRow;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Rectification items (整改) after a visit: the observers raise them for a person of the visited unit, the unit's
 * clerk reports them done with evidence, the observers close them (销号), send them back or cancel them.
 */
@Service
@Transactional(readOnly = true)
public class RectificationService {

    private final RectificationRepository items;
    private final VisitRepository visits;
    private final VisitAccess access;
    private final OrgApi orgs;
    private final FileStore files;
    private final AuditLog audit;

    RectificationService(
            RectificationRepository items,
            VisitRepository visits,
            VisitAccess access,
            OrgApi orgs,
            FileStore files,
            AuditLog audit) {
        this.items = items;
        this.visits = visits;
        this.access = access;
        this.orgs = orgs;
        this.files = files;
        this.audit = audit;
    }

    /** People of the visited unit who may be made responsible for an item. */
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_VIEW + "')")
    public List<PersonOption> owners(long visitId) {
        SupervisionVisit visit = access.readable(visitId);
        return orgs.activePeople(visit.unitOrgId()).stream()
                .map(p -> new PersonOption(p.id(), p.name(), p.position()))
                .toList();
    }

    /** The observers raise an item once the 小结 is in; its owner is an active person of the visited unit. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_OBSERVE + "')")
    public RectificationRow raise(long visitId, RectificationCommand command) {
        SupervisionVisit visit = access.asObserver(visitId);
        visit.requireOpenForRectification();
        boolean ofUnit = orgs.activePeople(visit.unitOrgId()).stream().anyMatch(p -> p.id() == command.ownerPersonId());
        if (!ofUnit) {
            throw new BusinessRuleException("整改责任人须为被旁听单位的在职人员");
        }
        RectificationItem item = items.saveAndFlush(new RectificationItem(
                visitId, command.title().trim(), command.ownerPersonId(), command.dueOn(), access.today()));
        audit.record(
                AuditAction.CREATE,
                "整改事项",
                item.getId(),
                "旁听#" + visitId + " " + item.title() + " 责任人#" + command.ownerPersonId() + " 时限" + command.dueOn());
        return row(item);
    }

    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_VIEW + "')")
    public RectificationRow get(long id) {
        return row(readable(id));
    }

    /** The unit's clerk reports the item done, with what was done and optionally a supporting file. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_RESPOND + "')")
    public RectificationRow complete(long id, long expectedVersion, CompletionCommand command, MultipartFile file) {
        RectificationItem item = readable(id);
        access.asUnit(item.visitId());
        item.checkVersion(expectedVersion);
        Long fileId = file == null || file.isEmpty()
                ? null
                : files.store(file, FileKind.DOCUMENTS).id();
        item.complete(command.evidence(), fileId, command.doneOn(), access.today());
        items.flush();
        audit.record(
                AuditAction.UPDATE,
                "整改事项",
                id,
                "报送整改完成：" + item.title() + " " + command.doneOn()
                        + (item.tracked().isDoneOnTime() ? "（按期）" : "（逾期）"));
        return row(item);
    }

    /** The observers accept the reported work: 销号. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_OBSERVE + "')")
    public RectificationRow close(long id, long expectedVersion) {
        RectificationItem item = observed(id);
        item.checkVersion(expectedVersion);
        item.close(access.today(), CurrentUser.require().displayName());
        items.flush();
        audit.record(AuditAction.UPDATE, "整改事项", id, "销号：" + item.title());
        return row(item);
    }

    /** The observers send reported work back; the item is open (and possibly overdue) again. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_OBSERVE + "')")
    public RectificationRow sendBack(long id, long expectedVersion, ReasonCommand command) {
        RectificationItem item = observed(id);
        item.checkVersion(expectedVersion);
        item.sendBack(command.reason());
        items.flush();
        audit.record(AuditAction.UPDATE, "整改事项", id, "退回重新整改：" + item.returnComment());
        return row(item);
    }

    /** The observers cancel an open item, with the reason. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_OBSERVE + "')")
    public RectificationRow cancel(long id, long expectedVersion, ReasonCommand command) {
        RectificationItem item = observed(id);
        item.checkVersion(expectedVersion);
        item.cancel(command.reason(), access.today());
        items.flush();
        audit.record(AuditAction.UPDATE, "整改事项", id, "撤销：" + item.title() + "，原因：" + command.reason());
        return row(item);
    }

    /** The supporting file of a completed item, after the scope check; the caller closes the stream. */
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_VIEW + "')")
    public FileDownload evidenceFile(long id) {
        RectificationItem item = readable(id);
        Long fileId = item.tracked().evidenceFileId();
        if (fileId == null) {
            throw NotFoundException.of("佐证材料");
        }
        return new FileDownload(files.describe(fileId), files.open(fileId));
    }

    private RectificationItem readable(long id) {
        RectificationItem item = items.findById(id).orElseThrow(() -> NotFoundException.of("整改事项"));
        SupervisionVisit visit = visits.findById(item.visitId()).orElseThrow();
        if (!access.canSee(visit)) {
            throw NotFoundException.of("整改事项");
        }
        return item;
    }

    private RectificationItem observed(long id) {
        RectificationItem item = readable(id);
        SupervisionVisit visit = access.asObserver(item.visitId());
        if (visit.stage() == VisitStage.CLOSED) {
            throw new BusinessRuleException("该次旁听已办结，整改事项不能再变更");
        }
        return item;
    }

    private RectificationRow row(RectificationItem item) {
        return access.rows(List.of(item)).get(0);
    }
}
