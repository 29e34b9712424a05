package cn.studyledger.liaison.domain;

import cn.studyledger.liaison.SubmissionKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** What to file: the kind and the year; the document is the unit's own, made from its records. */
public record SubmissionCommand(
        @NotNull(message = "请选择报送内容") SubmissionKind kind,

        @NotNull(message = "请填写年度") @Min(value = 2000, message = "年度不正确") @Max(value = 2100, message = "年度不正确")
        Integer year) {}
