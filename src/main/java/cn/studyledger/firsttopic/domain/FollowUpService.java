package cn.studyledger.firsttopic.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.PageResult;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.files.StoredFile;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.firsttopic.TaskStatus;
import cn.studyledger.firsttopic.domain.FirstTopicViews.DeploymentView;
import cn.studyledger.firsttopic.domain.FirstTopicViews.InspectionRow;
import cn.studyledger.firsttopic.domain.FirstTopicViews.TaskDetail;
import cn.studyledger.firsttopic.domain.FirstTopicViews.TaskRow;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionSummary;
import cn.studyledger.tracking.TrackingStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deployments decided on first-topic items, their follow-up tasks and the inspections of those tasks. Everyone
 * who reads the organisation's study records reads them; only its clerk assigns, closes and inspects.
 */
@Service
@Transactional(readOnly = true)
public class FollowUpService {

    private static final Sort BY_DUE = Sort.by("tracked.dueOn", "id");

    private final DeploymentRepository deployments;
    private final TaskRepository tasks;
    private final InspectionRepository inspections;
    private final ItemService items;
    private final FollowUpQueries rows;
    private final SessionApi sessions;
    private final OrgApi orgs;
    private final FileStore files;
    private final AuditLog audit;

    FollowUpService(
            DeploymentRepository deployments,
            TaskRepository tasks,
            InspectionRepository inspections,
            ItemService items,
            FollowUpQueries rows,
            SessionApi sessions,
            OrgApi orgs,
            FileStore files,
            AuditLog audit) {
        this.deployments = deployments;
        this.tasks = tasks;
        this.inspections = inspections;
        this.items = items;
        this.rows = rows;
        this.sessions = sessions;
        this.orgs = orgs;
        this.files = files;
        this.audit = audit;
    }

    /** A deployment on an item; the session, when given, must be one of the organisation's. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    public DeploymentView deploy(long itemId, DeploymentCommand command) {
        FirstTopicItem item = items.writable(itemId);
        SessionSummary session = null;
        if (command.sessionId() != null) {
            session = sessions.find(command.sessionId())
                    .filter(s -> s.orgId() == item.orgId())
                    .orElseThrow(() -> new BusinessRuleException("所选学习不存在或不属于本单位"));
        }
        Deployment deployment = deployments.saveAndFlush(new Deployment(
                item.orgId(),
                itemId,
                item.publishedOn(),
                command.decision().trim(),
                command.decidedOn(),
                command.sessionId()));
        audit.record(
                AuditAction.CREATE,
                "研究部署",
                deployment.getId(),
                "议题#" + itemId + " " + command.decidedOn() + " " + deployment.decision());
        return new DeploymentView(
                deployment.getId(),
                itemId,
                deployment.decision(),
                deployment.decidedOn(),
                deployment.sessionId(),
                session == null ? null : session.date() + " " + session.title(),
                List.of());
    }

    /** A deployment with its tasks. */
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_VIEW + "')")
    public DeploymentView deployment(long id) {
        Deployment deployment = deployments.findById(id).orElseThrow(() -> NotFoundException.of("研究部署"));
        items.readable(deployment.itemId());
        return new DeploymentView(
                deployment.getId(),
                deployment.itemId(),
                deployment.decision(),
                deployment.decidedOn(),
                deployment.sessionId(),
                deployment.sessionId() == null
                        ? null
                        : sessions.find(deployment.sessionId())
                                .map(s -> s.date() + " " + s.title())
                                .orElse(null),
                rows.rows(tasks.findByDeploymentIdInOrderByTrackedDueOnAscIdAsc(List.of(id)), rows.today()));
    }

    /** A follow-up task of a deployment, owned by an active person of the organisation. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    public TaskRow assign(long deploymentId, TaskCommand command) {
        Deployment deployment = deployments.findById(deploymentId).orElseThrow(() -> NotFoundException.of("研究部署"));
        FirstTopicItem item = items.writable(deployment.itemId());
        requireActiveOwner(item.orgId(), command.ownerPersonId());
        FollowUpTask task = tasks.saveAndFlush(new FollowUpTask(
                item.orgId(),
                deploymentId,
                command.title().trim(),
                command.ownerPersonId(),
                command.dueOn(),
                deployment.decidedOn()));
        audit.record(
                AuditAction.CREATE,
                "落实任务",
                task.getId(),
                task.title() + " 责任人#" + task.ownerPersonId() + " 时限" + task.dueOn());
        return rows.rows(List.of(task), rows.today()).get(0);
    }

    /**
     * One page of the tasks of a year (due in it, given in it, or still open from before it), by due date.
     *
     * @param overdueOnly only open tasks past their due date (仅看逾期)
     * @param status only tasks in this status; null for all
     */
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_VIEW + "')")
    public PageResult<TaskRow> tasks(
            String orgCode, int year, boolean overdueOnly, TaskStatus status, int page, int size) {
        OrgRef org = orgs.requireReadable(orgCode);
        LocalDate today = rows.today();
        var result = yearTasks(org, year, overdueOnly, status, PageRequest.of(Math.max(page, 0), size, BY_DUE));
        List<TaskRow> mapped = rows.rows(result.getContent(), today);
        return new PageResult<>(mapped, result.getNumber(), result.getSize(), result.getTotalElements());
    }

    /** Every overdue task of the year's tasks, the longest overdue first. */
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_VIEW + "')")
    public List<TaskRow> overdue(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        return rows.rows(
                yearTasks(org, year, true, null, Pageable.unpaged(BY_DUE)).getContent(), rows.today());
    }

    private org.springframework.data.domain.Page<FollowUpTask> yearTasks(
            OrgRef org, int year, boolean overdueOnly, TaskStatus status, Pageable pageable) {
        return tasks.searchYear(
                org.id(),
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31),
                overdueOnly,
                rows.today(),
                status == null ? null : status.tracking(),
                TrackingStatus.OPEN,
                pageable);
    }

    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_VIEW + "')")
    public TaskDetail task(long id) {
        return detail(readable(id));
    }

    /** OPEN → DONE with the account of what was done and, optionally, a supporting document. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    public TaskDetail complete(long id, long expectedVersion, CompletionCommand command, Attachment evidenceFile) {
        FollowUpTask task = writable(id);
        task.checkVersion(expectedVersion);
        Long fileId = null;
        if (evidenceFile != null) {
            try (InputStream content = evidenceFile.content()) {
                fileId = files.store(evidenceFile.name(), content, FileKind.DOCUMENTS)
                        .id();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Deployment deployment = deployments.findById(task.deploymentId()).orElseThrow();
        if (command.doneOn() != null && command.doneOn().isBefore(deployment.decidedOn())) {
            throw new BusinessRuleException("办结日期不能早于部署日期（" + deployment.decidedOn() + "）");
        }
        task.complete(command.evidence(), fileId, command.doneOn(), rows.today());
        tasks.flush();
        audit.record(
                AuditAction.UPDATE,
                "落实任务",
                id,
                "办结：" + task.title() + " " + task.doneOn() + (task.isDoneOnTime() ? "（按期）" : "（逾期）"));
        return detail(task);
    }

    /** OPEN → CANCELLED with the reason. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    public TaskDetail cancel(long id, long expectedVersion, CancelCommand command) {
        FollowUpTask task = writable(id);
        task.checkVersion(expectedVersion);
        task.cancel(command.reason(), rows.today());
        tasks.flush();
        audit.record(AuditAction.UPDATE, "落实任务", id, "撤销：" + task.title() + "，原因：" + task.cancelReason());
        return detail(task);
    }

    /** Changes an open task's content, owner or due date. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    public TaskDetail replan(long id, long expectedVersion, TaskCommand command) {
        FollowUpTask task = writable(id);
        task.checkVersion(expectedVersion);
        requireActiveOwner(task.orgId(), command.ownerPersonId());
        Deployment deployment = deployments.findById(task.deploymentId()).orElseThrow();
        task.replan(command.title().trim(), command.ownerPersonId(), command.dueOn(), deployment.decidedOn());
        tasks.flush();
        audit.record(
                AuditAction.UPDATE,
                "落实任务",
                id,
                "修改：" + task.title() + " 责任人#" + task.ownerPersonId() + " 时限" + task.dueOn());
        return detail(task);
    }

    /** An inspection (督查问效) of a task that has not been cancelled; not dated in the future. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    public InspectionRow inspect(long taskId, InspectionCommand command) {
        FollowUpTask task = writable(taskId);
        if (task.status() == TaskStatus.CANCELLED) {
            throw new BusinessRuleException("该任务已撤销，无需督查");
        }
        if (command.inspectedOn().isAfter(rows.today())) {
            throw new BusinessRuleException("督查日期不能晚于今天");
        }
        Inspection inspection = inspections.saveAndFlush(
                new Inspection(taskId, command.inspectedOn(), command.finding().trim(), command.rating()));
        audit.record(
                AuditAction.CREATE,
                "督查问效",
                inspection.getId(),
                "任务#" + taskId + " " + command.inspectedOn() + " "
                        + command.rating().label());
        return row(inspection);
    }

    /** The supporting document of a done task, after the scope check. */
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_VIEW + "')")
    public EvidenceFile evidenceFile(long taskId) {
        FollowUpTask task = readable(taskId);
        if (task.evidenceFileId() == null) {
            throw NotFoundException.of("佐证材料");
        }
        return new EvidenceFile(files.describe(task.evidenceFileId()), files.open(task.evidenceFileId()));
    }

    /** An uploaded supporting document: the name it was uploaded under and its bytes (closed here). */
    public record Attachment(String name, InputStream content) {}

    /** A stored document and its bytes; the caller closes the stream. */
    public record EvidenceFile(StoredFile file, InputStream content) {}

    /** The active people of the organisation, who may own tasks. */
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_VIEW + "')")
    public List<PersonRef> owners(String orgCode) {
        return orgs.activePeople(orgs.requireReadable(orgCode).id());
    }

    private void requireActiveOwner(long orgId, long personId) {
        boolean active = orgs.activePeople(orgId).stream().anyMatch(p -> p.id() == personId);
        if (!active) {
            throw new BusinessRuleException("责任人须为本单位在职人员");
        }
    }

    private FollowUpTask readable(long id) {
        FollowUpTask task = tasks.findById(id).orElseThrow(() -> NotFoundException.of("落实任务"));
        orgs.requireReadable(orgs.get(task.orgId()).code());
        return task;
    }

    private FollowUpTask writable(long id) {
        FollowUpTask task = readable(id);
        orgs.requireRole(orgs.get(task.orgId()).code(), Role.CLERK);
        return task;
    }

    private TaskDetail detail(FollowUpTask task) {
        Deployment deployment = deployments.findById(task.deploymentId()).orElseThrow();
        TaskRow row = rows.rows(List.of(task), rows.today()).get(0);
        String fileName = task.evidenceFileId() == null
                ? null
                : files.describe(task.evidenceFileId()).originalName();
        List<InspectionRow> found = inspections.findByTaskIdInOrderByInspectedOnAscIdAsc(Set.of(task.getId())).stream()
                .map(FollowUpService::row)
                .toList();
        return new TaskDetail(
                row,
                orgs.get(task.orgId()).code(),
                deployment.decision(),
                deployment.decidedOn(),
                task.evidence(),
                task.evidenceFileId(),
                fileName,
                task.cancelReason(),
                task.cancelledOn(),
                found);
    }

    private static InspectionRow row(Inspection i) {
        return new InspectionRow(i.getId(), i.taskId(), i.inspectedOn(), i.finding(), i.rating());
    }
}
