package cn.studyledger.research.domain;

import cn.studyledger.research.Award;
import java.util.Map;

/**
 * Finishes a selection with the awards the clerk gives.
 *
 * @param awards award by report id; reports left out get none
 */
public record FinishCommand(Map<Long, Award> awards) {

    public Map<Long, Award> awardsOrEmpty() {
        return awards == null ? Map.of() : awards;
    }
}
