package cn.studyledger.assessment.domain;

import cn.studyledger.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** 加减分: a manual adjustment of one unit's score in an assessment, with its reason and who made it when. */
@Entity
@Table(name = "assessment_adjustment")
class Adjustment extends BaseEntity {

    @Column(name = "assessment_id", nullable = false, updatable = false)
    private long assessmentId;

    @Column(name = "unit_org_id", nullable = false, updatable = false)
    private long unitOrgId;

    @Column(nullable = false, updatable = false)
    private BigDecimal points;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "made_on", nullable = false, updatable = false)
    private LocalDate madeOn;

    @Column(name = "made_by", nullable = false, updatable = false)
    private String madeBy;

    protected Adjustment() {}

    Adjustment(long assessmentId, long unitOrgId, BigDecimal points, String reason, LocalDate madeOn, String madeBy) {
        this.assessmentId = assessmentId;
        this.unitOrgId = unitOrgId;
        this.points = points;
        this.reason = reason;
        this.madeOn = madeOn;
        this.madeBy = madeBy;
    }

    long assessmentId() {
        return assessmentId;
    }

    long unitOrgId() {
        return unitOrgId;
    }

    BigDecimal points() {
        return points;
    }

    String reason() {
        return reason;
    }

    LocalDate madeOn() {
        return madeOn;
    }

    String madeBy() {
        return madeBy;
    }
}
