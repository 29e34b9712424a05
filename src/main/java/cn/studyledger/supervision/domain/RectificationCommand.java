package cn.studyledger.supervision.domain;

import cn.studyledger.common.validation.RecordDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A rectification item raised for the unit: what, who of the unit, by when. */
public record RectificationCommand(
        @NotBlank(message = "请填写整改事项") @Size(max = 300, message = "整改事项最长300字")
        String title,

        @NotNull(message = "请选择整改责任人") Long ownerPersonId,

        @NotNull(message = "请填写整改时限") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate dueOn) {}
