package cn.studyledger.assessment.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** The requests that change an assessment. */
public final class AssessmentCommands {

    private AssessmentCommands() {}

    /** The criteria (their weights add up to 100) and the settings, with the document they come from. */
    public record CriteriaCommand(
            @NotEmpty(message = "请至少设置一项考核指标") @Size(max = 20, message = "考核指标不超过20项")
            List<@Valid CriterionCommand> criteria,

            @NotNull(message = "请填写公示期") @Min(value = 0, message = "公示期不能为负") @Max(value = 30, message = "公示期不超过30个工作日")
            Integer objectionDays,

            @NotNull(message = "请填写加减分上限")
            @DecimalMin(value = "0", message = "加减分上限不能为负")
            @DecimalMax(value = "20", message = "加减分上限不超过20分")
            BigDecimal maxAdjustment,

            @NotBlank(message = "请填写考核办法依据") @Size(max = 200, message = "依据不超过200字")
            String source) {}

    /**
     * One criterion: {@code FIGURE} with a figure key and the value that earns the full weight, or {@code FINDINGS}
     * (optionally of one rule's key) with the points taken off for each finding.
     */
    public record CriterionCommand(
            @NotNull(message = "请选择指标类型") CriterionKind kind,
            @Size(max = 100, message = "指标键不超过100字") String figureKey,

            @NotBlank(message = "请填写指标名称") @Size(max = 100, message = "指标名称不超过100字")
            String label,

            @NotNull(message = "请填写分值")
            @DecimalMin(value = "0.5", message = "分值至少0.5分")
            @DecimalMax(value = "100", message = "分值不超过100分")
            BigDecimal weight,

            @NotNull(message = "请填写目标值或每项扣分")
            @DecimalMin(value = "0", message = "目标值不能为负")
            @DecimalMax(value = "100000", message = "目标值过大")
            BigDecimal target,

            @Size(max = 200, message = "依据不超过200字") String source) {}

    /** 加减分 for one unit, with the reason. */
    public record AdjustmentCommand(
            @NotBlank(message = "请选择单位") @Size(max = 50, message = "单位代码不正确")
            String unitCode,

            @NotNull(message = "请填写加减分")
            @DecimalMin(value = "-100", message = "加减分不正确")
            @DecimalMax(value = "100", message = "加减分不正确")
            BigDecimal points,

            @NotBlank(message = "请写明加减分理由") @Size(max = 500, message = "理由不超过500字")
            String reason) {}

    /** A unit's objection to its scorecard. */
    public record ObjectionCommand(
            @NotBlank(message = "请填写异议内容") @Size(max = 1000, message = "异议内容不超过1000字")
            String content) {}

    /** The answer to an objection. */
    public record ReplyCommand(
            @NotBlank(message = "请填写答复意见") @Size(max = 1000, message = "答复意见不超过1000字")
            String reply) {}

    /** A commendation of a unit, e.g. 先进集体. */
    public record CommendationCommand(
            @NotBlank(message = "请选择单位") @Size(max = 50, message = "单位代码不正确")
            String unitCode,

            @NotBlank(message = "请填写表彰名称") @Size(max = 100, message = "表彰名称不超过100字")
            String title,

            @Size(max = 500, message = "表彰事由不超过500字") String reason) {}

    /** The 组长's reason for sending the assessment back to a draft. */
    public record ReturnCommand(
            @NotBlank(message = "请写明退回意见") @Size(max = 500, message = "退回意见不超过500字")
            String comment) {}
}
