package cn.studyledger.material.domain;

import cn.studyledger.common.validation.RecordDate;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A material issue as entered; without {@code issueNo} it gets the year's next number. */
public record IssueCommand(
        @Min(value = 1, message = "期号应为正整数") @Max(value = 999, message = "期号不超过999")
        Integer issueNo,

        @NotBlank(message = "请填写标题") @Size(max = 200, message = "标题最长200字")
        String title,

        @NotNull(message = "请填写编印日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate publishedOn,

        @Size(max = 4000, message = "内容目录最长4000字") String contents) {}
