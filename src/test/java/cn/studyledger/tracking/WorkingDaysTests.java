package cn.studyledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deadlines counted in working days: weekends off, configured holidays off, make-up days (调休) worked. */
class WorkingDaysTests {

    /** National Day 2025: 1–8 October off, Sunday 28 September and Saturday 11 October worked. */
    static final WorkingDays NATIONAL_DAY_2025 = new WorkingDays(
            List.of(
                    d("2025-10-01"),
                    d("2025-10-02"),
                    d("2025-10-03"),
                    d("2025-10-06"),
                    d("2025-10-07"),
                    d("2025-10-08")),
            List.of(d("2025-09-28"), d("2025-10-11")));

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void fiveWorkingDaysBeforeAMondayIsThePreviousMonday() {
        assertThat(WorkingDays.WEEKENDS_ONLY.before(d("2025-03-17"), 5)).isEqualTo(d("2025-03-10"));
    }

    @Test
    void fiveWorkingDaysBeforeAThursdayIsTheThursdayBefore() {
        assertThat(WorkingDays.WEEKENDS_ONLY.before(d("2025-03-20"), 5)).isEqualTo(d("2025-03-13"));
    }

    @Test
    void tenWorkingDaysAfterAMondayIsTheMondayTwoWeeksLater() {
        assertThat(WorkingDays.WEEKENDS_ONLY.after(d("2025-03-10"), 10)).isEqualTo(d("2025-03-24"));
    }

    @Test
    void holidayWeekIsSkippedAndTheMakeUpSaturdayCounts() {
        // Monday 13 October: Sat 11 (make-up), Fri 10, Thu 9, then back over the holiday to Tue 30 and Mon 29 September
        assertThat(NATIONAL_DAY_2025.before(d("2025-10-13"), 5)).isEqualTo(d("2025-09-29"));
        // the same without the calendar would be Monday 6 October, a holiday
        assertThat(WorkingDays.WEEKENDS_ONLY.before(d("2025-10-13"), 5)).isEqualTo(d("2025-10-06"));
    }

    @Test
    void summaryDueAcrossTheHolidayCountsTheMakeUpSundayAndSaturday() {
        // Friday 26 September + 10: Sun 28, Mon 29, Tue 30, Thu 9, Fri 10, Sat 11, Mon 13, Tue 14, Wed 15, Thu 16
        assertThat(NATIONAL_DAY_2025.after(d("2025-09-26"), 10)).isEqualTo(d("2025-10-16"));
    }

    @Test
    void weekendsAreOffHolidaysAreOffMakeUpDaysAreWorked() {
        assertThat(NATIONAL_DAY_2025.isWorkingDay(d("2025-09-27")))
                .as("Saturday")
                .isFalse();
        assertThat(NATIONAL_DAY_2025.isWorkingDay(d("2025-09-28")))
                .as("make-up Sunday")
                .isTrue();
        assertThat(NATIONAL_DAY_2025.isWorkingDay(d("2025-10-01")))
                .as("National Day")
                .isFalse();
        assertThat(NATIONAL_DAY_2025.isWorkingDay(d("2025-10-09")))
                .as("Thursday after")
                .isTrue();
    }

    @Test
    void countsWorkingDaysBetweenTwoDates() {
        assertThat(NATIONAL_DAY_2025.between(d("2025-09-26"), d("2025-10-16"))).isEqualTo(10);
        assertThat(WorkingDays.WEEKENDS_ONLY.between(d("2025-03-14"), d("2025-03-14")))
                .isZero();
    }

    @Test
    void zeroWorkingDaysIsTheDateItselfAndANegativeCountIsAMistake() {
        assertThat(WorkingDays.WEEKENDS_ONLY.before(d("2025-03-15"), 0)).isEqualTo(d("2025-03-15"));
        assertThatThrownBy(() -> WorkingDays.WEEKENDS_ONLY.after(d("2025-03-15"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
