package cn.studyledger.assessment.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** 异议: a unit's objection to its published scorecard, and the answer of the clerk who prepared the assessment. */
@Entity
@Table(name = "assessment_objection")
class Objection extends BaseEntity {

    @Column(name = "assessment_id", nullable = false, updatable = false)
    private long assessmentId;

    @Column(name = "unit_org_id", nullable = false, updatable = false)
    private long unitOrgId;

    @Column(nullable = false, updatable = false)
    private String content;

    @Column(name = "filed_on", nullable = false, updatable = false)
    private LocalDate filedOn;

    @Column(name = "filed_by", nullable = false, updatable = false)
    private String filedBy;

    @Column
    private String reply;

    @Column(name = "replied_on")
    private LocalDate repliedOn;

    @Column(name = "replied_by")
    private String repliedBy;

    protected Objection() {}

    Objection(long assessmentId, long unitOrgId, String content, LocalDate filedOn, String filedBy) {
        this.assessmentId = assessmentId;
        this.unitOrgId = unitOrgId;
        this.content = content;
        this.filedOn = filedOn;
        this.filedBy = filedBy;
    }

    void answer(String reply, LocalDate on, String by) {
        if (this.reply != null) {
            throw new BusinessRuleException("该异议已答复");
        }
        this.reply = reply;
        this.repliedOn = on;
        this.repliedBy = by;
        touch();
    }

    boolean answered() {
        return reply != null;
    }

    long assessmentId() {
        return assessmentId;
    }

    long unitOrgId() {
        return unitOrgId;
    }

    String content() {
        return content;
    }

    LocalDate filedOn() {
        return filedOn;
    }

    String filedBy() {
        return filedBy;
    }

    String reply() {
        return reply;
    }

    LocalDate repliedOn() {
        return repliedOn;
    }

    String repliedBy() {
        return repliedBy;
    }
}
