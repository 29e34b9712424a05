package cn.studyledger.supervision.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Stage 2: on-site notes and one score (0–100) per criterion, in the criteria's order. */
public record ObservationCommand(
        @NotBlank(message = "请填写现场旁听记录") @Size(max = 4000, message = "旁听记录最长4000字")
        String notes,

        @NotNull(message = "请按评价指标逐项评分") List<Integer> scores) {}
