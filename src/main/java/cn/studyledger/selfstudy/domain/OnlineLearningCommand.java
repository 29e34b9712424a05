package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.validation.RecordDate;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** One online-learning row as entered by the clerk or read from an import sheet. */
public record OnlineLearningCommand(
        @NotNull(message = "请选择成员") Long personId,

        @NotBlank(message = "请填写学习平台") @Size(max = 50, message = "学习平台最长50字")
        String platform,

        @NotNull(message = "请填写开始日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate periodStart,

        @NotNull(message = "请填写结束日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate periodEnd,

        @NotNull(message = "请填写人次") @Min(value = 0, message = "人次不能为负数") @Max(value = 100000, message = "人次不超过100000")
        Integer personTimes,

        @NotNull(message = "请填写积分")
        @Min(value = 0, message = "积分不能为负数")
        @Max(value = 10000000, message = "积分不超过10000000")
        Integer points) {}
