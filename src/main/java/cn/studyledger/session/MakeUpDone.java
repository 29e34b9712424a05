package cn.studyledger.session;

import cn.studyledger.common.events.StudyYearChanged;
import java.time.LocalDate;

/** A member on leave made up the session (recorded by the clerk or by the member): it now counts as taken part. */
public record MakeUpDone(long sessionId, long orgId, LocalDate date, long personId, LocalDate doneOn)
        implements StudyYearChanged {

    @Override
    public int year() {
        return date.getYear();
    }
}
