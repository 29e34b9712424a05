package cn.studyledger.session;

import cn.studyledger.common.events.StudyYearChanged;
import java.time.LocalDate;

/** A held session was corrected (its description or attendance), with the reason recorded on the session. */
public record SessionCorrected(long sessionId, long orgId, LocalDate date, String reason) implements StudyYearChanged {

    @Override
    public int year() {
        return date.getYear();
    }
}
