package cn.studyledger.supervision.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/** The rating criteria of a year; rows without a name are left out. */
public record CriteriaCommand(@NotNull(message = "请填写评价指标") List<@Valid Line> criteria) {

    /** One criterion and its weight. */
    public record Line(
            @Size(max = 100, message = "指标名称最长100字") String name,

            @Min(value = 1, message = "权重须在1到100之间") @Max(value = 100, message = "权重须在1到100之间")
            Integer weight) {}

    /** The named rows, trimmed. */
    public List<Line> filled() {
        List<Line> filled = new ArrayList<>();
        for (Line line : criteria) {
            if (line != null && line.name() != null && !line.name().isBlank()) {
                filled.add(new Line(line.name().trim(), line.weight()));
            }
        }
        return filled;
    }
}
