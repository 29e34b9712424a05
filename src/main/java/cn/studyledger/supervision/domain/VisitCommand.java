package cn.studyledger.supervision.domain;

import cn.studyledger.common.validation.RecordDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** A visit as planned by the superior's clerk: which unit, when, which session, who observes. */
public record VisitCommand(
        @NotBlank(message = "请选择被旁听单位") String unitCode,

        @NotNull(message = "请填写学习日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate plannedOn,

        @NotBlank(message = "请填写学习主题") @Size(max = 200, message = "学习主题最长200字")
        String sessionTitle,

        @Size(max = 200, message = "地点最长200字") String place,
        @NotEmpty(message = "请至少安排一名旁听人员") List<Long> observerPersonIds) {

    public static VisitCommand blank(LocalDate plannedOn) {
        return new VisitCommand("", plannedOn, "", "", List.of());
    }
}
