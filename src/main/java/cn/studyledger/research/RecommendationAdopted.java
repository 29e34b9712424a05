package cn.studyledger.research;

import cn.studyledger.common.events.StudyYearChanged;
import java.time.LocalDate;

/**
 * A recommendation (对策建议) became a policy or measure. It counts in the adoption of the year it was proposed in,
 * so that is the year that changed.
 */
public record RecommendationAdopted(
        long recommendationId, long orgId, long topicId, LocalDate proposedOn, LocalDate adoptedOn)
        implements StudyYearChanged {

    @Override
    public int year() {
        return proposedOn.getYear();
    }
}
