package cn.studyledger.supervision.domain;

import cn.studyledger.common.validation.RecordDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The unit reports a rectification item done: what was done (the evidence) and when. */
public record CompletionCommand(
        @NotBlank(message = "请填写整改落实情况（佐证材料）") @Size(max = 2000, message = "整改落实情况最长2000字")
        String evidence,

        @NotNull(message = "请填写完成日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate doneOn) {}
