package cn.studyledger.tracking;

import cn.studyledger.tracking.domain.CalendarService;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * The working-day calendar as other modules use it for deadlines counted in working days (e.g. materials of a
 * supervised session at least 5 working days ahead, a summary within 10 working days). Reads the configured
 * holidays and make-up working days each time, so a change on the calendar page applies at once on every
 * instance.
 */
@Service
public class WorkingCalendar {

    private final CalendarService calendar;

    WorkingCalendar(CalendarService calendar) {
        this.calendar = calendar;
    }

    /** The calendar as configured now; take one per request when computing many deadlines. */
    public WorkingDays current() {
        return calendar.workingDays();
    }

    public boolean isWorkingDay(LocalDate date) {
        return current().isWorkingDay(date);
    }

    /** The working day {@code n} working days before {@code date}. */
    public LocalDate before(LocalDate date, int n) {
        return current().before(date, n);
    }

    /** The working day {@code n} working days after {@code date}. */
    public LocalDate after(LocalDate date, int n) {
        return current().after(date, n);
    }
}
