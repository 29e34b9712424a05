package cn.studyledger.session;

import cn.studyledger.common.events.StudyYearChanged;
import java.time.LocalDate;

/** A leave request for a session was approved or refused. */
public record LeaveDecided(long leaveId, long sessionId, long orgId, LocalDate date, long personId, LeaveStatus status)
        implements StudyYearChanged {

    @Override
    public int year() {
        return date.getYear();
    }
}
