package cn.studyledger.session;

import cn.studyledger.common.events.StudyYearChanged;
import java.time.LocalDate;

/** A session was marked held (PLANNED → HELD): from now on it counts in the year's figures and rules. */
public record SessionHeld(long sessionId, long orgId, LocalDate date) implements StudyYearChanged {

    @Override
    public int year() {
        return date.getYear();
    }
}
