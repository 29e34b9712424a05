package cn.studyledger.session;

import cn.studyledger.common.events.StudyYearChanged;
import java.time.LocalDate;

/**
 * A planned session was cancelled (PLANNED → CANCELLED) with its reason: it stays on record but never counts, and
 * nothing is due for it any more (check-in, leave, make-up).
 */
public record SessionCancelled(long sessionId, long orgId, LocalDate date, String reason) implements StudyYearChanged {

    @Override
    public int year() {
        return date.getYear();
    }
}
