package cn.studyledger.tracking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * Which days are working days: Monday to Friday, except the configured holidays (法定节假日), plus the configured
 * make-up working days (调休上班) that fall on a weekend. Deadlines "N working days before / after" a date count
 * only working days and never count the date itself.
 */
public final class WorkingDays {

    /** No holidays, no make-up days: weekends only. */
    public static final WorkingDays WEEKENDS_ONLY = new WorkingDays(Set.of(), Set.of());

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkdays;

    public WorkingDays(Collection<LocalDate> holidays, Collection<LocalDate> makeUpWorkdays) {
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkdays = Set.copyOf(makeUpWorkdays);
    }

    public boolean isWorkingDay(LocalDate date) {
        if (holidays.contains(date)) {
            return false;
        }
        if (makeUpWorkdays.contains(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /**
     * The working day {@code n} working days before {@code date}: e.g. 5 working days before a Monday is the
     * Monday before it when there is no holiday in between. Something due "at least n working days before" the
     * date is in time on or before this day.
     */
    public LocalDate before(LocalDate date, int n) {
        return step(date, n, -1);
    }

    /** The working day {@code n} working days after {@code date}: e.g. 10 working days after a Monday is the Monday two weeks later. */
    public LocalDate after(LocalDate date, int n) {
        return step(date, n, 1);
    }

    /** Working days after {@code from} up to and including {@code to} (0 when {@code to} is not after {@code from}). */
    public int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    private LocalDate step(LocalDate date, int n, int direction) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        LocalDate d = date;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(direction);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }
}
