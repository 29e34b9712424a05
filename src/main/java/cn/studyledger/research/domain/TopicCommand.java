package cn.studyledger.research.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the clerk enters for a research topic (研讨课题). */
public record TopicCommand(
        @NotNull(message = "请填写年度") @Min(value = 2000, message = "年度无效") @Max(value = 2100, message = "年度无效")
        Integer year,

        @NotBlank(message = "请填写课题名称") @Size(max = 300, message = "课题名称最长300字")
        String title,

        @NotBlank(message = "请填写课题服务的重点任务") @Size(max = 300, message = "重点任务最长300字")
        String keyTask,

        @NotNull(message = "请选择牵头领导") Long leadPersonId,
        @Size(max = 2000, message = "课题说明最长2000字") String summary) {

    public static TopicCommand blank(int year) {
        return new TopicCommand(year, "", "", null, "");
    }
}
