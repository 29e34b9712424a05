package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.validation.RecordDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A book read (原著研读) as entered; {@code personId} is only used when the clerk records one for a member. */
public record BookCommand(
        Long personId,

        @NotBlank(message = "请填写书名") @Size(max = 200, message = "书名最长200字")
        String title,

        @Size(max = 100, message = "作者最长100字") String author,

        @NotNull(message = "请填写开始阅读日期")
        @PastOrPresent(message = "开始阅读日期不能晚于今天")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @RecordDate
        LocalDate startedOn,

        @PastOrPresent(message = "读完日期不能晚于今天") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate finishedOn,

        @Size(max = 1000, message = "读书心得最长1000字") String note) {}
