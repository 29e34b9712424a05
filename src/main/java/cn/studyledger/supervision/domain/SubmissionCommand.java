package cn.studyledger.supervision.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The unit's 学习方案 (its files travel beside it). */
public record SubmissionCommand(
        @NotBlank(message = "请填写学习方案") @Size(max = 4000, message = "学习方案最长4000字")
        String studyPlan) {}
