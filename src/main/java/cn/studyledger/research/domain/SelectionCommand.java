package cn.studyledger.research.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The set-up of a year's excellent-report selection: title, weighted criteria and judges. */
public record SelectionCommand(
        @NotNull(message = "请填写年度") @Min(value = 2000, message = "年度无效") @Max(value = 2100, message = "年度无效")
        Integer year,

        @NotBlank(message = "请填写评选名称") @Size(max = 200, message = "评选名称最长200字")
        String title,

        @NotEmpty(message = "请至少设置一项评分标准") @Valid List<Criterion> criteria,
        @NotEmpty(message = "请至少选择一名评委") List<Long> judgeIds) {

    /** A criterion and its weight (relative, e.g. 30). */
    public record Criterion(
            @NotBlank(message = "请填写评分标准的名称") @Size(max = 100, message = "评分标准名称最长100字")
            String name,

            @NotNull(message = "请填写权重")
            @Min(value = 1, message = "权重须为1–100的整数")
            @Max(value = 100, message = "权重须为1–100的整数")
            Integer weight) {}

    /** The usual criteria: 选题价值, 调研深度, 对策可行性, 文字质量. */
    public static SelectionCommand defaults(int year) {
        return new SelectionCommand(
                year,
                year + "年度优秀调研报告评选",
                List.of(
                        new Criterion("选题价值", 25),
                        new Criterion("调研深度", 25),
                        new Criterion("对策可行性", 30),
                        new Criterion("文字质量", 20)),
                List.of());
    }
}
