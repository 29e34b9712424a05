package cn.studyledger.session;

import cn.studyledger.common.events.StudyYearChanged;
import java.time.LocalDate;

/**
 * The clerk recorded the attendance of several participants of a session at once (a member's own check-in is not
 * announced: a meeting's check-in rush would announce it a hundred times).
 */
public record AttendanceRecorded(long sessionId, long orgId, LocalDate date) implements StudyYearChanged {

    @Override
    public int year() {
        return date.getYear();
    }
}
