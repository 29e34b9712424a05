package cn.studyledger.tracking.domain;

import cn.studyledger.common.validation.RecordDate;
import cn.studyledger.tracking.DayKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A day to configure: the date, holiday or make-up working day, and what it is for (e.g. 国庆节). */
public record CalendarCommand(
        @NotNull(message = "请填写日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate day,

        @NotNull(message = "请选择类型") DayKind kind,

        @NotBlank(message = "请填写说明（如 国庆节）") @Size(max = 50, message = "说明最长50字")
        String name) {}
