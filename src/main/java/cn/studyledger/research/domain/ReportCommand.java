package cn.studyledger.research.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An investigation report (调研报告): title, the field (领域) it is about, and its authors. */
public record ReportCommand(
        @NotBlank(message = "请填写报告标题") @Size(max = 300, message = "报告标题最长300字")
        String title,

        @NotBlank(message = "请填写报告所属领域") @Size(max = 100, message = "领域最长100字")
        String field,

        @NotEmpty(message = "请选择报告作者") List<Long> authorIds) {}
