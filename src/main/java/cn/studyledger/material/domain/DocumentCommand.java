package cn.studyledger.material.domain;

import cn.studyledger.common.validation.RecordDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A library document's description as entered; tags are separated by commas, 、 or spaces. */
public record DocumentCommand(
        @NotBlank(message = "请填写标题") @Size(max = 200, message = "标题最长200字")
        String title,

        @NotBlank(message = "请填写分类") @Size(max = 50, message = "分类最长50字")
        String category,

        @Size(max = 200, message = "标签合计最长200字") String tags,
        @Size(max = 200, message = "来源最长200字") String source,

        @PastOrPresent(message = "发布日期不能晚于今天") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate publishedOn) {}
