package cn.studyledger.plan.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;

/**
 * A whole plan's content as sent through the API: themes and arrangements. Arrangements with an id change
 * the existing ones (keeping their links to sessions); those without id are added; those left out are removed.
 */
public record PlanCommand(
        @Size(max = 20, message = "学习专题最多20项") List<@Size(max = 200, message = "学习专题最长200字") String> themes,
        @Size(max = 60, message = "月度安排最多60项") List<@Valid ArrangementCommand> arrangements) {

    public PlanCommand {
        themes = themes == null
                ? List.of()
                : themes.stream()
                        .filter(t -> t != null && !t.isBlank())
                        .map(String::trim)
                        .toList();
        arrangements = arrangements == null
                ? List.of()
                : arrangements.stream().filter(Objects::nonNull).toList();
    }
}
