package cn.studyledger.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.util.List;

/**
 * One criterion (考核指标) of an assessment and its weight: a figure of the unit scored against its target (the full
 * weight when it reaches it, a proportional share below), or the unit's rule findings (规则检查问题) with a deduction
 * of {@code target} points for each from the weight. Every number is a setting, with the document it comes from.
 *
 * @param kind what the criterion reads
 * @param figureKey the figure's key; for findings {@code null} (all rules) or the key of one rule
 * @param label the criterion's name as printed
 * @param weight its points (分值)
 * @param target the figure's value that earns the full weight, or the points taken off for each finding
 * @param source where the criterion and its numbers come from
 */
@Embeddable
record Criterion(
        @Enumerated(EnumType.STRING) CriterionKind kind,
        @Column(name = "figure_key") String figureKey,
        String label,
        BigDecimal weight,
        BigDecimal target,
        String source) {

    /** Weights and targets kept with one decimal, as stored, so that two readings of the same criteria are equal. */
    Criterion {
        weight = weight.setScale(1, java.math.RoundingMode.HALF_UP);
        target = target.setScale(1, java.math.RoundingMode.HALF_UP);
    }

    static final String DEFAULT_SOURCE = "系统默认（可按本单位考核办法调整）";

    /** The criteria a new assessment starts from; the weights add up to 100. */
    static List<Criterion> defaults() {
        return List.of(
                figure("sessions.collective", "集体学习次数", 15, 12, "中心组学习规则：集体学习每年一般不少于12次"),
                figure("attendance.presentRate", "中心组成员出勤率", 15, 90, DEFAULT_SOURCE),
                figure("firsttopic.closureRate", "“第一议题”落实任务按期办结率", 10, 100, DEFAULT_SOURCE),
                figure("speech.keyRate", "中心组成员重点发言率", 10, 100, DEFAULT_SOURCE),
                figure("writings.count", "学习成果篇数", 10, 10, DEFAULT_SOURCE),
                figure("plan.executionRate", "学习计划执行率", 5, 100, DEFAULT_SOURCE),
                figure("supervision.rating", "接受列席旁听评价平均分", 10, 90, DEFAULT_SOURCE),
                figure("submissions.filedOnTime", "报送及时率", 5, 100, DEFAULT_SOURCE),
                new Criterion(
                        CriterionKind.FINDINGS,
                        null,
                        "规则检查发现的问题（季度覆盖、学习时效、整改逾期等）",
                        BigDecimal.valueOf(20),
                        BigDecimal.valueOf(2),
                        DEFAULT_SOURCE));
    }

    private static Criterion figure(String key, String label, int weight, int target, String source) {
        return new Criterion(
                CriterionKind.FIGURE, key, label, BigDecimal.valueOf(weight), BigDecimal.valueOf(target), source);
    }
}
