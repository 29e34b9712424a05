package cn.studyledger.firsttopic.domain;

import cn.studyledger.common.validation.RecordDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A follow-up task as assigned: what, who, by when. */
public record TaskCommand(
        @NotBlank(message = "请填写任务内容") @Size(max = 300, message = "任务内容最长300字")
        String title,

        @NotNull(message = "请选择责任人") Long ownerPersonId,

        @NotNull(message = "请填写完成时限") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate dueOn) {}
