package cn.studyledger.session.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.Decisions;
import cn.studyledger.session.LeaveStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A member's 请假 for a session: REQUESTED → APPROVED | REFUSED, decided by the 组长 — or, for the 组长's own leave,
 * by a 副组长; NOTED (报备) from the start where the group has no 副组长. Nobody decides their own request.
 */
@Entity
@Table(name = "session_leave_request")
class LeaveRequest extends BaseEntity {

    @Column(name = "session_id", nullable = false, updatable = false)
    private long sessionId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(nullable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LeaveStatus status = LeaveStatus.REQUESTED;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private LocalDateTime decidedAt;

    private String comment;

    protected LeaveRequest() {}

    LeaveRequest(long sessionId, long personId, String reason) {
        this.sessionId = sessionId;
        this.personId = personId;
        this.reason = reason;
    }

    void decide(boolean approve, String comment, Decisions.Party decider, String by, LocalDateTime at) {
        if (status == LeaveStatus.NOTED) {
            throw new BusinessRuleException("该请假已报备，无需审批");
        }
        if (status != LeaveStatus.REQUESTED) {
            throw new BusinessRuleException("该请假申请已" + status.label().replace("已", "") + "，不能重复审批");
        }
        Decisions.requireOther(Decisions.Party.person(personId), decider, "请假申请");
        if (!approve && (comment == null || comment.isBlank())) {
            throw new BusinessRuleException("不批准请假时请说明理由");
        }
        this.status = approve ? LeaveStatus.APPROVED : LeaveStatus.REFUSED;
        this.comment = comment == null || comment.isBlank() ? null : comment.trim();
        this.decidedBy = by;
        this.decidedAt = at;
    }

    /**
     * Approved before it was recorded (a 组长 who said yes in person): the clerk records who approved it. The
     * approver is checked by the caller; the request is then in effect like one decided here.
     */
    void approvedOffline(String approver, String note, LocalDateTime at) {
        this.status = LeaveStatus.APPROVED;
        this.decidedBy = approver;
        this.decidedAt = at;
        this.comment = note;
    }

    /** 报备: the 组长's leave where the group has no 副组长 — recorded and in effect, approved by nobody. */
    void note(LocalDateTime at) {
        this.status = LeaveStatus.NOTED;
        this.decidedAt = at;
    }

    long sessionId() {
        return sessionId;
    }

    long personId() {
        return personId;
    }

    String reason() {
        return reason;
    }

    LeaveStatus status() {
        return status;
    }

    String decidedBy() {
        return decidedBy;
    }

    LocalDateTime decidedAt() {
        return decidedAt;
    }

    String comment() {
        return comment;
    }
}
