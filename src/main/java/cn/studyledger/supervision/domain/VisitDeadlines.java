package cn.studyledger.supervision.domain;

import cn.studyledger.supervision.VisitPeriods;
import cn.studyledger.supervision.VisitPeriods.Periods;
import cn.studyledger.tracking.WorkingCalendar;
import cn.studyledger.tracking.WorkingDays;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The deadlines of a visit's stages, from the working-day calendar and the supervising organisation's periods
 * ({@link VisitPeriods}, rule settings): the one place the pages, the work list, the rules' facts and the
 * workflow's checks get them from.
 */
@Component
class VisitDeadlines {

    private final WorkingCalendar calendar;
    private final VisitPeriods periods;

    VisitDeadlines(WorkingCalendar calendar, VisitPeriods periods) {
        this.calendar = calendar;
        this.periods = periods;
    }

    /** The periods the organisation gives the visits it makes in the year. */
    Periods periods(long superiorOrgId, int year) {
        return periods.periods(superiorOrgId, year);
    }

    /** The deadlines as the calendar and settings stand now, for one request's visits. */
    Deadlines current() {
        return new Deadlines(calendar.current(), periods);
    }

    /** The calendar of one moment with the periods looked up once per organisation and year. */
    static final class Deadlines {

        private final WorkingDays days;
        private final VisitPeriods periods;
        private final Map<String, Periods> looked = new HashMap<>();

        Deadlines(WorkingDays days, VisitPeriods periods) {
            this.days = days;
            this.periods = periods;
        }

        /** Working days before the session by which the unit submits its materials. */
        int materialsLead(SupervisionVisit v) {
            return periods(v).materialsLead();
        }

        /** The last day the unit may submit its 学习方案 and materials. */
        LocalDate materialsDue(SupervisionVisit v) {
            return days.before(v.plannedOn(), materialsLead(v));
        }

        /** The 小结's due date by the periods, counted from the session. */
        LocalDate summaryDeadline(SupervisionVisit v) {
            return days.after(v.plannedOn(), periods(v).summaryWithin());
        }

        /** The 小结's due date: as fixed when it was written, else by the periods. */
        LocalDate summaryDue(SupervisionVisit v) {
            return v.summaryDueOn() != null ? v.summaryDueOn() : summaryDeadline(v);
        }

        private Periods periods(SupervisionVisit v) {
            return looked.computeIfAbsent(
                    v.superiorOrgId() + "/" + v.plannedOn().getYear(),
                    k -> periods.periods(v.superiorOrgId(), v.plannedOn().getYear()));
        }
    }
}
