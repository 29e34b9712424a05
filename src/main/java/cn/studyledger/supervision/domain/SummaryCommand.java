package cn.studyledger.supervision.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Stage 3: the 小结 in three parts, at most 500 characters together. */
public record SummaryCommand(
        @NotBlank(message = "请填写总体评价") @Size(max = 500, message = "小结合计不能超过500字")
        String overall,

        @NotBlank(message = "请填写特色亮点") @Size(max = 500, message = "小结合计不能超过500字")
        String highlights,

        @NotBlank(message = "请填写存在问题") @Size(max = 500, message = "小结合计不能超过500字")
        String problems) {}
