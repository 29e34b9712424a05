package cn.studyledger.firsttopic.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.events.YearRecord;
import cn.studyledger.firsttopic.TaskStatus;
import cn.studyledger.tracking.Tracked;
import cn.studyledger.tracking.TrackingStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A follow-up task (贯彻落实任务): what is to be done for a deployment, with the shared tracking lifecycle
 * ({@link Tracked}: owner, due date, OPEN → DONE with evidence | CANCELLED with a reason, overdue derived). What is
 * the first topic's own here is only the title, the deployment and the rule that a task cannot be due (or done)
 * before the deployment that gave it.
 */
@Entity
@Table(name = "firsttopic_task")
class FollowUpTask extends BaseEntity implements YearRecord {

    /** How the lifecycle's messages name this item. */
    static final String NOUN = "任务";

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "deployment_id", nullable = false, updatable = false)
    private long deploymentId;

    @Column(nullable = false)
    private String title;

    @Embedded
    private Tracked tracked;

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
        requireDueAfterAssignment(dueOn, assignedOn);
        this.title = title;
        this.tracked = Tracked.open(ownerPersonId, dueOn);
    }

    /** Changes what is to be done, by whom and by when; only while the task is open. */
    void replan(String title, long ownerPersonId, LocalDate dueOn, LocalDate assignedOn) {
        if (tracked.status() == TrackingStatus.OPEN) {
            requireDueAfterAssignment(dueOn, assignedOn);
        }
        tracked.replan(NOUN, ownerPersonId, dueOn);
        this.title = title;
    }

    private static void requireDueAfterAssignment(LocalDate dueOn, LocalDate assignedOn) {
        if (dueOn.isBefore(assignedOn)) {
            throw new BusinessRuleException("完成时限不能早于部署日期（" + assignedOn + "）");
        }
    }

    /** OPEN → DONE: needs a written account of what was done, and a date that is not in the future. */
    void complete(String evidence, Long evidenceFileId, LocalDate doneOn, LocalDate today) {
        tracked.complete(NOUN, evidence, evidenceFileId, doneOn, today);
    }

    /** OPEN → CANCELLED: needs a reason; a task that is done stays done. */
    void cancel(String reason, LocalDate today) {
        tracked.cancel(NOUN, reason, today);
    }

    /** Open and past its due date. */
    boolean isOverdue(LocalDate today) {
        return tracked.isOverdue(today);
    }

    /** Days past the due date while open and overdue, else 0. */
    long daysOverdue(LocalDate today) {
        return tracked.daysOverdue(today);
    }

    /** Done on or before its due date. */
    boolean isDoneOnTime() {
        return tracked.isDoneOnTime();
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
        return tracked.ownerPersonId();
    }

    LocalDate dueOn() {
        return tracked.dueOn();
    }

    /** The lifecycle status under the first topic's name for it. */
    TaskStatus status() {
        return TaskStatus.of(tracked.status());
    }

    String evidence() {
        return tracked.evidence();
    }

    Long evidenceFileId() {
        return tracked.evidenceFileId();
    }

    LocalDate doneOn() {
        return tracked.doneOn();
    }

    String cancelReason() {
        return tracked.cancelReason();
    }

    LocalDate cancelledOn() {
        return tracked.cancelledOn();
    }

    @Override
    public OrgYear countsIn() {
        return OrgYear.of(orgId(), dueOn());
    }
}
