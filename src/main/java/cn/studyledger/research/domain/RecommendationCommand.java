package cn.studyledger.research.domain;

import cn.studyledger.common.validation.RecordDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A recommendation (对策建议) as proposed. */
public record RecommendationCommand(
        @NotBlank(message = "请填写建议内容") @Size(max = 2000, message = "建议内容最长2000字")
        String content,

        @NotNull(message = "请选择提出人") Long proposerPersonId,

        @NotNull(message = "请填写提出日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate proposedOn) {}
