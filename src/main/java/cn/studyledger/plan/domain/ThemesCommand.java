package cn.studyledger.plan.domain;

import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/** The themes (学习专题) of a plan as the clerk enters them, one per line; blank lines are dropped. */
public record ThemesCommand(
        @Size(max = 20, message = "学习专题最多20项") List<@Size(max = 200, message = "学习专题最长200字") String> themes) {

    public ThemesCommand {
        themes = themes == null
                ? List.of()
                : themes.stream()
                        .filter(t -> t != null && !t.isBlank())
                        .map(String::trim)
                        .toList();
    }

    /** The themes padded with empty lines, so the form always offers a few to fill in. */
    public List<String> formLines() {
        List<String> lines = new ArrayList<>(themes);
        int blanks = Math.max(3, 6 - lines.size());
        for (int i = 0; i < blanks; i++) {
            lines.add("");
        }
        return lines;
    }
}
