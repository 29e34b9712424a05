package cn.studyledger.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A held session counts half a day from the half-day hours and a whole day from the whole-day hours (折算). */
class SessionLengthCountsAsDaysTests {

    final StudyDayHours.Thresholds byDefault =
            new StudyDayHours.Thresholds(BigDecimal.valueOf(3), BigDecimal.valueOf(6));

    @Test
    void aSessionBelowHalfADaysHoursCountsForNoDay() {
        assertThat(byDefault.days(new BigDecimal("2.9"))).isEqualByComparingTo("0");
        assertThat(byDefault.days(new BigDecimal("0.5"))).isEqualByComparingTo("0");
        assertThat(byDefault.days(null)).isEqualByComparingTo("0");
    }

    @Test
    void fromHalfADaysHoursUpToAWholeDaysASessionCountsHalfADay() {
        assertThat(byDefault.days(new BigDecimal("3.0"))).isEqualByComparingTo("0.5");
        assertThat(byDefault.days(new BigDecimal("5.9"))).isEqualByComparingTo("0.5");
    }

    @Test
    void fromAWholeDaysHoursASessionCountsOneDayNeverMore() {
        assertThat(byDefault.days(new BigDecimal("6"))).isEqualByComparingTo("1");
        assertThat(byDefault.days(new BigDecimal("12"))).isEqualByComparingTo("1");
    }

    @Test
    void theThresholdsAreTheOrganisationsSettings() {
        StudyDayHours.Thresholds shorter = new StudyDayHours.Thresholds(new BigDecimal("2.5"), new BigDecimal("4"));
        assertThat(shorter.days(new BigDecimal("2.5"))).isEqualByComparingTo("0.5");
        assertThat(shorter.days(new BigDecimal("4"))).isEqualByComparingTo("1");
        StudyDayHours.Thresholds wholeDaysOnly =
                new StudyDayHours.Thresholds(BigDecimal.valueOf(6), BigDecimal.valueOf(6));
        assertThat(wholeDaysOnly.days(new BigDecimal("5"))).isEqualByComparingTo("0");
        assertThat(wholeDaysOnly.days(new BigDecimal("6"))).isEqualByComparingTo("1");
    }
}
