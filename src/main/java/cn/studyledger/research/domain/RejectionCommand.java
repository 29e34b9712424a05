package cn.studyledger.research.domain;

import cn.studyledger.common.validation.RecordDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** That a recommendation is not adopted, and why; without a date it is decided today. */
public record RejectionCommand(
        @NotBlank(message = "不予采纳须说明理由") @Size(max = 1000, message = "理由最长1000字")
        String reason,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate decidedOn) {}
