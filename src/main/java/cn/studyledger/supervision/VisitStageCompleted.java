package cn.studyledger.supervision;

import cn.studyledger.common.events.StudyYearChanged;
import java.time.LocalDate;

/**
 * A visit of a subordinate unit reached a completed stage (小结 submitted: SUMMARISED; every rectification item
 * resolved: CLOSED). The year that changed is the supervising organisation's ({@code orgId}), the one that visits.
 */
public record VisitStageCompleted(long visitId, long orgId, long unitOrgId, VisitStage stage, LocalDate plannedOn)
        implements StudyYearChanged {

    @Override
    public int year() {
        return plannedOn.getYear();
    }
}
