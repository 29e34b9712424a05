package cn.studyledger.session.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.session.LeaveStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A member's 请假 for a session, decided by the 组长: REQUESTED → APPROVED | REFUSED. */
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

    void decide(boolean approve, String comment, String by, LocalDateTime at) {
        if (status != LeaveStatus.REQUESTED) {
            throw new BusinessRuleException("该请假申请已" + status.label().replace("已", "") + "，不能重复审批");
        }
        if (!approve && (comment == null || comment.isBlank())) {
            throw new BusinessRuleException("不批准请假时请说明理由");
        }
        this.status = approve ? LeaveStatus.APPROVED : LeaveStatus.REFUSED;
        this.comment = comment == null || comment.isBlank() ? null : comment.trim();
        this.decidedBy = by;
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
