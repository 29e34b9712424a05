package cn.studyledger.tracking;

import cn.studyledger.common.BusinessRuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The shared lifecycle of a tracked item, embedded in the owning module's entity (DESIGN.md §2: follow-up tasks
 * and rectification items share one lifecycle): an owner and a due date; OPEN → DONE (an account of what was
 * done, an optional file, the date) or OPEN → CANCELLED (a reason); DONE → OPEN again when the one who checks the
 * work does not accept it. Overdue is derived from the date, never stored.
 *
 * <p>The owning table has the columns {@code owner_person_id, due_on, status, evidence, evidence_file_id,
 * done_on, cancel_reason, cancelled_on}. Every change takes the noun the owner's users know the item by (任务,
 * 整改事项), so that a refused change reads naturally.
 */
@Embeddable
public class Tracked {

    @Column(name = "owner_person_id", nullable = false)
    private long ownerPersonId;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private TrackingStatus status = TrackingStatus.OPEN;

    @Column(name = "evidence")
    private String evidence;

    @Column(name = "evidence_file_id")
    private Long evidenceFileId;

    @Column(name = "done_on")
    private LocalDate doneOn;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "cancelled_on")
    private LocalDate cancelledOn;

    protected Tracked() {}

    private Tracked(long ownerPersonId, LocalDate dueOn) {
        this.ownerPersonId = ownerPersonId;
        this.dueOn = dueOn;
    }

    /** A new open item. */
    public static Tracked open(long ownerPersonId, LocalDate dueOn) {
        if (dueOn == null) {
            throw new BusinessRuleException("请填写完成时限");
        }
        return new Tracked(ownerPersonId, dueOn);
    }

    /** Changes who is responsible and by when; only while the item is open. */
    public void replan(String noun, long ownerPersonId, LocalDate dueOn) {
        if (status != TrackingStatus.OPEN) {
            throw new BusinessRuleException(noun + status.label() + "，不能再修改");
        }
        if (dueOn == null) {
            throw new BusinessRuleException("请填写完成时限");
        }
        this.ownerPersonId = ownerPersonId;
        this.dueOn = dueOn;
    }

    /** OPEN → DONE: needs a written account of what was done, and a date that is not in the future. */
    public void complete(String noun, String evidence, Long evidenceFileId, LocalDate doneOn, LocalDate today) {
        if (status == TrackingStatus.DONE) {
            throw new BusinessRuleException("该" + noun + "已办结，不能重复办结");
        }
        if (status == TrackingStatus.CANCELLED) {
            throw new BusinessRuleException("该" + noun + "已撤销，不能办结");
        }
        if (evidence == null || evidence.isBlank()) {
            throw new BusinessRuleException("办结" + noun + "须填写落实情况说明（佐证材料）");
        }
        if (doneOn == null) {
            throw new BusinessRuleException("请填写办结日期");
        }
        if (doneOn.isAfter(today)) {
            throw new BusinessRuleException("办结日期不能晚于今天");
        }
        this.status = TrackingStatus.DONE;
        this.evidence = evidence.trim();
        this.evidenceFileId = evidenceFileId;
        this.doneOn = doneOn;
    }

    /** OPEN → CANCELLED: needs a reason; an item that is done stays done. */
    public void cancel(String noun, String reason, LocalDate today) {
        if (status == TrackingStatus.DONE) {
            throw new BusinessRuleException("该" + noun + "已办结，不能撤销");
        }
        if (status == TrackingStatus.CANCELLED) {
            throw new BusinessRuleException("该" + noun + "已撤销");
        }
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("撤销" + noun + "须说明原因");
        }
        this.status = TrackingStatus.CANCELLED;
        this.cancelReason = reason.trim();
        this.cancelledOn = today;
    }

    /**
     * DONE → OPEN: the work was not accepted; the item is open again (and overdue again if past its due date). The
     * account given stays visible until the next completion replaces it; the done date is cleared.
     */
    public void reopen(String noun) {
        if (status != TrackingStatus.DONE) {
            throw new BusinessRuleException("只有已办结的" + noun + "才能退回重办");
        }
        this.status = TrackingStatus.OPEN;
        this.doneOn = null;
    }

    /** Open and past its due date. */
    public boolean isOverdue(LocalDate today) {
        return status == TrackingStatus.OPEN && dueOn.isBefore(today);
    }

    /** Days past the due date while open and overdue, else 0. */
    public long daysOverdue(LocalDate today) {
        return isOverdue(today) ? ChronoUnit.DAYS.between(dueOn, today) : 0;
    }

    /** Done on or before its due date. */
    public boolean isDoneOnTime() {
        return status == TrackingStatus.DONE && !doneOn.isAfter(dueOn);
    }

    public long ownerPersonId() {
        return ownerPersonId;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public TrackingStatus status() {
        return status;
    }

    public String evidence() {
        return evidence;
    }

    public Long evidenceFileId() {
        return evidenceFileId;
    }

    public LocalDate doneOn() {
        return doneOn;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public LocalDate cancelledOn() {
        return cancelledOn;
    }
}
