package cn.studyledger.outreach.domain;

import cn.studyledger.common.validation.RecordDate;
import cn.studyledger.outreach.PublicityChannel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A publicity item as entered; a file, if any, comes beside it. */
public record PublicityCommand(
        @NotNull(message = "请选择宣传渠道") PublicityChannel channel,

        @Size(max = 100, message = "栏目名称最长100字") String column,

        @NotBlank(message = "请填写标题") @Size(max = 200, message = "标题最长200字")
        String title,

        @NotNull(message = "请填写刊发日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate publishedOn,

        @Size(max = 500, message = "链接最长500个字符") @WebLink String link,

        @Size(max = 200, message = "相关记录最长200字") String related) {}
