package cn.studyledger.supervision.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.supervision.RectificationState;
import cn.studyledger.tracking.Tracked;
import cn.studyledger.tracking.TrackingStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A rectification item (整改事项) the observers raise for the visited unit after a visit, on the shared tracking
 * lifecycle: the unit's clerk completes it with evidence (OPEN → DONE); the observers then close it (销号) or send
 * it back (DONE → OPEN with what is missing); they may also cancel an open one. "Closed by the observers" is thus
 * DONE plus the observers' confirmation, kept here as the closure date and who closed it.
 */
@Entity
@Table(name = "supervision_rectification")
class RectificationItem extends BaseEntity {

    static final String NOUN = "整改事项";

    @Column(name = "visit_id", nullable = false, updatable = false)
    private long visitId;

    @Column(nullable = false)
    private String title;

    @Embedded
    private Tracked tracked;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "return_comment")
    private String returnComment;

    protected RectificationItem() {}

    /** An open item for a person of the unit, due on or after the day it is raised. */
    RectificationItem(long visitId, String title, long ownerPersonId, LocalDate dueOn, LocalDate raisedOn) {
        if (dueOn == null) {
            throw new BusinessRuleException("请填写整改时限");
        }
        if (dueOn.isBefore(raisedOn)) {
            throw new BusinessRuleException("整改时限不能早于提出日期（" + raisedOn + "）");
        }
        this.visitId = visitId;
        this.title = title;
        this.tracked = Tracked.open(ownerPersonId, dueOn);
    }

    /** OPEN → DONE by the unit, with an account of what was done and optionally a file. */
    void complete(String evidence, Long evidenceFileId, LocalDate doneOn, LocalDate today) {
        tracked.complete(NOUN, evidence, evidenceFileId, doneOn, today);
        this.returnComment = null;
    }

    /** The observers accept the work reported done: the item is closed (销号). */
    void close(LocalDate today, String by) {
        if (closedOn != null) {
            throw new BusinessRuleException("该整改事项已销号");
        }
        if (tracked.status() != TrackingStatus.DONE) {
            throw new BusinessRuleException("单位报送整改完成情况后才能销号");
        }
        this.closedOn = today;
        this.closedBy = by;
    }

    /** The observers do not accept the work: DONE → OPEN, with what is missing. */
    void sendBack(String comment) {
        if (closedOn != null) {
            throw new BusinessRuleException("该整改事项已销号，不能退回");
        }
        if (comment == null || comment.isBlank()) {
            throw new BusinessRuleException("退回整改须说明理由");
        }
        tracked.reopen(NOUN);
        this.returnComment = comment.trim();
    }

    /** OPEN → CANCELLED by the observers, with the reason. */
    void cancel(String reason, LocalDate today) {
        tracked.cancel(NOUN, reason, today);
    }

    RectificationState state() {
        return switch (tracked.status()) {
            case OPEN -> RectificationState.OPEN;
            case DONE -> closedOn == null ? RectificationState.AWAITING_CLOSURE : RectificationState.CLOSED;
            case CANCELLED -> RectificationState.CANCELLED;
        };
    }

    boolean isResolved() {
        return state().isResolved();
    }

    boolean isOverdue(LocalDate today) {
        return tracked.isOverdue(today);
    }

    long daysOverdue(LocalDate today) {
        return tracked.daysOverdue(today);
    }

    long visitId() {
        return visitId;
    }

    String title() {
        return title;
    }

    Tracked tracked() {
        return tracked;
    }

    LocalDate closedOn() {
        return closedOn;
    }

    String closedBy() {
        return closedBy;
    }

    String returnComment() {
        return returnComment;
    }
}
