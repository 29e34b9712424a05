package cn.studyledger.liaison.web;

import cn.studyledger.common.validation.RecordDate;
import cn.studyledger.liaison.domain.NoticeCommand;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The page's form of a 学习提示: the materials one title a line, the target units ticked (none ticked: all). */
record NoticeForm(
        @NotBlank(message = "请填写标题") @Size(max = 200, message = "标题不超过200字")
        String title,

        @NotBlank(message = "请填写学习内容") @Size(max = 20000, message = "学习内容不超过20000字")
        String content,

        @Size(max = 6000, message = "学习材料过长") String materials,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate dueOn,

        @Min(value = 1, message = "工作日数至少为1") @Max(value = 120, message = "工作日数不超过120")
        Integer dueInWorkingDays,

        List<String> targets) {

    static NoticeForm empty() {
        return new NoticeForm("", "", "", null, null, List.of());
    }

    NoticeCommand toCommand() {
        List<String> lines = materials == null ? List.of() : Arrays.asList(materials.split("\\R"));
        return new NoticeCommand(title, content, lines, dueOn, dueInWorkingDays, targets);
    }
}
