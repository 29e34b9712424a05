package cn.studyledger.research.domain;

import cn.studyledger.common.validation.RecordDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** A field trip (调研活动) as recorded after it took place. */
public record TripCommand(
        @NotNull(message = "请填写调研日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate date,

        @NotBlank(message = "请填写调研地点") @Size(max = 200, message = "调研地点最长200字")
        String place,

        @NotEmpty(message = "请选择参加调研的人员") List<Long> participantIds,

        @NotBlank(message = "请填写调研发现") @Size(max = 2000, message = "调研发现最长2000字")
        String findings) {}
