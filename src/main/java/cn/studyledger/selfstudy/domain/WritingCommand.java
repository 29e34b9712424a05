package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.validation.RecordDate;
import cn.studyledger.selfstudy.WritingKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A writing as entered; {@code personId} is only used when the clerk records one for a member. */
public record WritingCommand(
        Long personId,
        @NotNull(message = "请选择成果类型") WritingKind kind,

        @NotBlank(message = "请填写标题") @Size(max = 200, message = "标题最长200字")
        String title,

        @NotNull(message = "请填写成文日期")
        @PastOrPresent(message = "成文日期不能晚于今天")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @RecordDate
        LocalDate writtenOn,

        @Size(max = 1000, message = "内容摘要最长1000字") String summary) {}
