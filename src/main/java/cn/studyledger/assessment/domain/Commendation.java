package cn.studyledger.assessment.domain;

import cn.studyledger.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A commendation (e.g. 先进集体) of a unit recorded with an assessment and printed in its 通报. */
@Entity
@Table(name = "assessment_commendation")
class Commendation extends BaseEntity {

    @Column(name = "assessment_id", nullable = false, updatable = false)
    private long assessmentId;

    @Column(name = "unit_org_id", nullable = false, updatable = false)
    private long unitOrgId;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(updatable = false)
    private String reason;

    protected Commendation() {}

    Commendation(long assessmentId, long unitOrgId, String title, String reason) {
        this.assessmentId = assessmentId;
        this.unitOrgId = unitOrgId;
        this.title = title;
        this.reason = reason;
    }

    long assessmentId() {
        return assessmentId;
    }

    long unitOrgId() {
        return unitOrgId;
    }

    String title() {
        return title;
    }

    String reason() {
        return reason;
    }
}
