package cn.studyledger.supervision.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a rectification item is sent back or cancelled. */
public record ReasonCommand(
        @NotBlank(message = "请说明理由") @Size(max = 500, message = "理由最长500字")
        String reason) {}
