package cn.studyledger.session.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.Decisions;
import cn.studyledger.session.StudyPlanStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDateTime;

/**
 * A session's 学习方案 and its approval, part of the session's row: submitted by the clerk, approved or returned
 * with a comment by the 组长, who may not be whoever submitted it (不自批). The status column is never null, so the
 * part is always loaded with its session.
 */
@Embeddable
class StudyPlan {

    @Column(name = "study_plan")
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(name = "study_plan_status", nullable = false)
    private StudyPlanStatus status = StudyPlanStatus.NONE;

    @Column(name = "study_plan_comment")
    private String comment;

    /** The account that submitted the 学习方案, who may not decide it (不自批). */
    @Column(name = "study_plan_submitted_by")
    private String submittedBy;

    @Column(name = "study_plan_decided_by")
    private String decidedBy;

    @Column(name = "study_plan_decided_at")
    private LocalDateTime decidedAt;

    /** Submits the plan to the 组长: not twice, not once approved, never empty. */
    void submit(String plan, Decisions.Party submitter) {
        if (status == StudyPlanStatus.SUBMITTED) {
            throw new BusinessRuleException("学习方案已提交，正在等待组长审批");
        }
        if (status == StudyPlanStatus.APPROVED) {
            throw new BusinessRuleException("学习方案已获批准");
        }
        if (plan == null || plan.isBlank()) {
            throw new BusinessRuleException("请填写学习方案");
        }
        this.text = plan.trim();
        this.status = StudyPlanStatus.SUBMITTED;
        this.comment = null;
        this.submittedBy = submitter.username();
    }

    /** The 组长 (not whoever submitted it) approves or returns a submitted plan; a return needs a comment. */
    void decide(boolean approve, String comment, Decisions.Party decider, String by, LocalDateTime at) {
        if (status != StudyPlanStatus.SUBMITTED) {
            throw new BusinessRuleException("只有待审批的学习方案才能审批");
        }
        if (submittedBy != null) {
            Decisions.requireOther(Decisions.Party.account(submittedBy), decider, "学习方案");
        }
        if (!approve && (comment == null || comment.isBlank())) {
            throw new BusinessRuleException("退回学习方案时请填写意见");
        }
        this.status = approve ? StudyPlanStatus.APPROVED : StudyPlanStatus.RETURNED;
        this.comment = comment == null || comment.isBlank() ? null : comment.trim();
        this.decidedBy = by;
        this.decidedAt = at;
    }

    String text() {
        return text;
    }

    StudyPlanStatus status() {
        return status;
    }

    String comment() {
        return comment;
    }

    String decidedBy() {
        return decidedBy;
    }

    LocalDateTime decidedAt() {
        return decidedAt;
    }
}
