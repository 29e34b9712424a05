package cn.studyledger.research.domain;

import cn.studyledger.common.validation.RecordDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * That a recommendation was adopted: the policy or measure (政策举措) it became, the document that issued it and
 * the date.
 */
public record AdoptionCommand(
        @NotBlank(message = "采纳须填写转化形成的政策举措") @Size(max = 1000, message = "政策举措最长1000字")
        String measure,

        @NotBlank(message = "采纳须填写政策举措的文件文号") @Size(max = 100, message = "文号最长100字")
        String documentNo,

        @NotNull(message = "采纳须填写采纳日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate adoptedOn) {}
