package cn.studyledger.firsttopic.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.firsttopic.TaskStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A follow-up task (贯彻落实任务) and its whole lifecycle: an owner and a due date; OPEN → DONE (with evidence text,
 * an optional file and the date it was done) or OPEN → CANCELLED (with a reason); overdue is derived, never
 * stored. The lifecycle is kept in this one class, apart from deployments and inspections, because rectification
 * items of supervision visits share it (DESIGN.md §2) and it is to move into a shared tracking component.
 */
@Entity
@Table(name = "firsttopic_task")
class FollowUpTask extends BaseEntity {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "deployment_id", nullable = false, updatable = false)
    private long deploymentId;

    @Column(nullable = false)
    private String title;

    @Column(name = "owner_person_id", nullable = false)
    private long ownerPersonId;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskStatus status = TaskStatus.OPEN;

    private String evidence;

    @Column(name = "evidence_file_id")
    private Long evidenceFileId;

    @Column(name = "done_on")
    private LocalDate doneOn;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "cancelled_on")
    private LocalDate cancelledOn;

    protected FollowUpTask() {}

    /**
     * An open task.
     *
     * @param assignedOn the day the task was given (the deployment's date); it cannot be due before that
     */
    FollowUpTask(
            long orgId, long deploymentId, String title, long ownerPersonId, LocalDate dueOn, LocalDate assignedOn) {
        this.orgId = orgId;
        this.deploymentId = deploymentId;
        plan(title, ownerPersonId, dueOn, assignedOn);
    }

    /** Changes what is to be done, by whom and by when; only while the task is open. */
    void replan(String title, long ownerPersonId, LocalDate dueOn, LocalDate assignedOn) {
        if (status != TaskStatus.OPEN) {
            throw new BusinessRuleException("任务" + status.label() + "，不能再修改");
        }
        plan(title, ownerPersonId, dueOn, assignedOn);
    }

    private void plan(String title, long ownerPersonId, LocalDate dueOn, LocalDate assignedOn) {
        if (dueOn.isBefore(assignedOn)) {
            throw new BusinessRuleException("完成时限不能早于部署日期（" + assignedOn + "）");
        }
        this.title = title;
        this.ownerPersonId = ownerPersonId;
        this.dueOn = dueOn;
    }

    /** OPEN → DONE: needs a written account of what was done, and a date that is not in the future. */
    void complete(String evidence, Long evidenceFileId, LocalDate doneOn, LocalDate today) {
        if (status == TaskStatus.DONE) {
            throw new BusinessRuleException("该任务已办结，不能重复办结");
        }
        if (status == TaskStatus.CANCELLED) {
            throw new BusinessRuleException("该任务已撤销，不能办结");
        }
        if (evidence == null || evidence.isBlank()) {
            throw new BusinessRuleException("办结任务须填写落实情况说明（佐证材料）");
        }
        if (doneOn == null) {
            throw new BusinessRuleException("请填写办结日期");
        }
        if (doneOn.isAfter(today)) {
            throw new BusinessRuleException("办结日期不能晚于今天");
        }
        this.status = TaskStatus.DONE;
        this.evidence = evidence.trim();
        this.evidenceFileId = evidenceFileId;
        this.doneOn = doneOn;
    }

    /** OPEN → CANCELLED: needs a reason; a task that is done stays done. */
    void cancel(String reason, LocalDate today) {
        if (status == TaskStatus.DONE) {
            throw new BusinessRuleException("该任务已办结，不能撤销");
        }
        if (status == TaskStatus.CANCELLED) {
            throw new BusinessRuleException("该任务已撤销");
        }
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("撤销任务须说明原因");
        }
        this.status = TaskStatus.CANCELLED;
        this.cancelReason = reason.trim();
        this.cancelledOn = today;
    }

    /** Open and past its due date. */
    boolean isOverdue(LocalDate today) {
        return status == TaskStatus.OPEN && dueOn.isBefore(today);
    }

    /** Days past the due date while open and overdue, else 0. */
    long daysOverdue(LocalDate today) {
        return isOverdue(today) ? ChronoUnit.DAYS.between(dueOn, today) : 0;
    }

    /** Done on or before its due date. */
    boolean isDoneOnTime() {
        return status == TaskStatus.DONE && !doneOn.isAfter(dueOn);
    }

    long orgId() {
        return orgId;
    }

    long deploymentId() {
        return deploymentId;
    }

    String title() {
        return title;
    }

    long ownerPersonId() {
        return ownerPersonId;
    }

    LocalDate dueOn() {
        return dueOn;
    }

    TaskStatus status() {
        return status;
    }

    String evidence() {
        return evidence;
    }

    Long evidenceFileId() {
        return evidenceFileId;
    }

    LocalDate doneOn() {
        return doneOn;
    }

    String cancelReason() {
        return cancelReason;
    }

    LocalDate cancelledOn() {
        return cancelledOn;
    }
}
