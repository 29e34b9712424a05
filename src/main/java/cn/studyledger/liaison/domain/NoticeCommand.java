package cn.studyledger.liaison.domain;

import cn.studyledger.common.validation.RecordDate;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A 学习提示 to issue: what to study and why, the materials (one title a line), by when — a date or a number of
 * working days from today, not both — and the target units (codes of direct subordinates; none for all of them).
 */
public record NoticeCommand(
        @NotBlank(message = "请填写标题") @Size(max = 200, message = "标题不超过200字")
        String title,

        @NotBlank(message = "请填写学习内容") @Size(max = 20000, message = "学习内容不超过20000字")
        String content,

        @Size(max = 30, message = "学习材料不超过30项") List<@Size(max = 200, message = "每项学习材料不超过200字") String> materials,
        @RecordDate LocalDate dueOn,

        @Min(value = 1, message = "工作日数至少为1") @Max(value = 120, message = "工作日数不超过120")
        Integer dueInWorkingDays,

        @Size(max = 500, message = "下发单位过多") List<String> targets) {

    public NoticeCommand {
        materials = materials == null
                ? List.of()
                : materials.stream()
                        .filter(m -> m != null && !m.isBlank())
                        .map(String::strip)
                        .toList();
        targets = targets == null
                ? List.of()
                : targets.stream()
                        .filter(t -> t != null && !t.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }
}
