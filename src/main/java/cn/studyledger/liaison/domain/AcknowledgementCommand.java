package cn.studyledger.liaison.domain;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A unit's 签收 of a 学习提示: the unit (its code, needed only by someone who is the clerk of several target units), a
 * note (e.g. how it was arranged), and the unit's sessions that carried it out — acknowledging again replaces them.
 */
public record AcknowledgementCommand(
        String unit,
        @Size(max = 500, message = "说明不超过500字") String note,
        @Size(max = 50, message = "关联的集中学习过多") List<Long> sessionIds) {

    public AcknowledgementCommand {
        sessionIds =
                sessionIds == null ? List.of() : sessionIds.stream().distinct().toList();
        note = note == null || note.isBlank() ? null : note.strip();
        unit = unit == null || unit.isBlank() ? null : unit.strip();
    }
}
