package cn.studyledger.research.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What the clerk enters for an investigation (调研): theme, lead and members (the lead is a member anyway). */
public record InvestigationCommand(
        @NotNull(message = "请填写年度") @Min(value = 2000, message = "年度无效") @Max(value = 2100, message = "年度无效")
        Integer year,

        @NotBlank(message = "请填写调研主题") @Size(max = 300, message = "调研主题最长300字")
        String theme,

        @NotNull(message = "请选择牵头领导") Long leadPersonId,
        List<Long> memberIds,
        @Size(max = 2000, message = "调研目的最长2000字") String purpose) {

    public static InvestigationCommand blank(int year) {
        return new InvestigationCommand(year, "", null, List.of(), "");
    }

    public List<Long> members() {
        return memberIds == null ? List.of() : memberIds;
    }
}
