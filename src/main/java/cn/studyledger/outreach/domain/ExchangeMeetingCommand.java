package cn.studyledger.outreach.domain;

import cn.studyledger.common.validation.RecordDate;
import cn.studyledger.outreach.ExchangeRole;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** An external experience-exchange meeting as entered. */
public record ExchangeMeetingCommand(
        @NotBlank(message = "请填写会议名称") @Size(max = 200, message = "会议名称最长200字")
        String title,

        @NotNull(message = "请填写会议日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate heldOn,

        @NotBlank(message = "请填写主办单位") @Size(max = 100, message = "主办单位最长100字")
        String host,

        @NotNull(message = "请选择主办或参加") ExchangeRole role,

        @NotNull(message = "请填写参加人数")
        @Min(value = 1, message = "参加人数应至少为1人")
        @Max(value = 10000, message = "参加人数不超过10000人")
        Integer participants,

        @Size(max = 2000, message = "交流情况最长2000字") String summary) {}
