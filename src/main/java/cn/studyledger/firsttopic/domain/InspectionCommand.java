package cn.studyledger.firsttopic.domain;

import cn.studyledger.common.validation.RecordDate;
import cn.studyledger.firsttopic.InspectionRating;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** An inspection (督查问效) of a task. */
public record InspectionCommand(
        @NotNull(message = "请填写督查日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate inspectedOn,

        @NotBlank(message = "请填写督查发现") @Size(max = 1000, message = "督查发现最长1000字")
        String finding,

        @NotNull(message = "请选择评价等次") InspectionRating rating) {}
