package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * Online learning (线上学习) of one person on one platform over a period, as the platform reports it: person-times
 * (人次) and points (积分). Self-declared or imported from the platform's export; never measured by time online.
 */
@Entity
@Table(name = "selfstudy_online_learning")
class OnlineLearning extends BaseEntity {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(nullable = false, updatable = false)
    private String platform;

    @Column(name = "period_start", nullable = false, updatable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false, updatable = false)
    private LocalDate periodEnd;

    @Column(name = "person_times", nullable = false, updatable = false)
    private int personTimes;

    @Column(nullable = false, updatable = false)
    private int points;

    protected OnlineLearning() {}

    OnlineLearning(
            long orgId,
            long personId,
            String platform,
            LocalDate periodStart,
            LocalDate periodEnd,
            int personTimes,
            int points) {
        checkPeriod(periodStart, periodEnd);
        if (personTimes < 0 || points < 0) {
            throw new BusinessRuleException("人次和积分不能为负数");
        }
        this.orgId = orgId;
        this.personId = personId;
        this.platform = platform;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.personTimes = personTimes;
        this.points = points;
    }

    static void checkPeriod(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw new BusinessRuleException("结束日期不能早于开始日期");
        }
    }

    long orgId() {
        return orgId;
    }

    long personId() {
        return personId;
    }

    String platform() {
        return platform;
    }

    LocalDate periodStart() {
        return periodStart;
    }

    LocalDate periodEnd() {
        return periodEnd;
    }

    int personTimes() {
        return personTimes;
    }

    int points() {
        return points;
    }
}
