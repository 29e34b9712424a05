package cn.studyledger.firsttopic.domain;

import cn.studyledger.common.validation.RecordDate;
import cn.studyledger.firsttopic.ItemScope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** What the clerk enters for a first-topic item. */
public record ItemCommand(
        @NotBlank(message = "请填写议题标题") @Size(max = 300, message = "议题标题最长300字")
        String title,

        @NotNull(message = "请填写发布日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate publishedOn,

        @NotBlank(message = "请填写来源") @Size(max = 100, message = "来源最长100字")
        String source,

        @NotNull(message = "请选择传达范围") ItemScope scope,
        @Size(max = 2000, message = "内容摘要最长2000字") String summary,

        @Size(max = 500, message = "链接最长500字")
        @Pattern(regexp = "^$|^https?://\\S+$", message = "链接须以 http:// 或 https:// 开头")
        String link) {

    /** An empty form: published today, passed on in full. */
    public static ItemCommand blank(LocalDate today) {
        return new ItemCommand("", today, "", ItemScope.PUBLIC, "", "");
    }
}
