package cn.studyledger.firsttopic.domain;

import cn.studyledger.common.validation.RecordDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** Closing a task as done: what was done (the evidence) and when. */
public record CompletionCommand(
        @NotBlank(message = "办结任务须填写落实情况说明（佐证材料）") @Size(max = 2000, message = "落实情况说明最长2000字")
        String evidence,

        @NotNull(message = "请填写办结日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate doneOn) {}
