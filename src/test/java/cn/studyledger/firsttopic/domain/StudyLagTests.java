package cn.studyledger.firsttopic.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.firsttopic.StudyTimeliness;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 30-day rule for studying an item and the lag it is measured by. */
class StudyLagTests {

    final LocalDate published = LocalDate.of(2025, 3, 1);

    @Test
    void lagIsDaysFromPublicationToFirstHeldStudy() {
        assertThat(StudyLag.days(published, LocalDate.of(2025, 4, 17))).isEqualTo(47);
        assertThat(StudyLag.days(published, published)).isZero();
        assertThat(StudyLag.days(published, null)).isNull();
    }

    @Test
    void itemStudiedWithinThirtyDaysIsOnTimeAndLaterIsLate() {
        LocalDate today = LocalDate.of(2025, 12, 31);
        assertThat(StudyLag.timeliness(published, published.plusDays(30), today))
                .isEqualTo(StudyTimeliness.ON_TIME);
        assertThat(StudyLag.timeliness(published, published.plusDays(31), today))
                .isEqualTo(StudyTimeliness.LATE);
        assertThat(StudyTimeliness.LATE.breaksRule()).isTrue();
    }

    @Test
    void itemNotYetStudiedIsPendingForThirtyDaysThenOverdue() {
        assertThat(StudyLag.timeliness(published, null, published.plusDays(30))).isEqualTo(StudyTimeliness.PENDING);
        assertThat(StudyLag.timeliness(published, null, published.plusDays(31))).isEqualTo(StudyTimeliness.OVERDUE);
        assertThat(StudyTimeliness.PENDING.notStudied()).isTrue();
        assertThat(StudyTimeliness.PENDING.breaksRule()).isFalse();
        assertThat(StudyTimeliness.OVERDUE.breaksRule()).isTrue();
    }

    @Test
    void medianOfAnOddNumberOfLagsIsTheMiddleOne() {
        assertThat(StudyLag.median(List.of(47L, 8L, 12L))).isEqualTo(new BigDecimal("12.0"));
    }

    @Test
    void medianOfAnEvenNumberOfLagsIsHalfwayBetweenTheMiddleTwo() {
        assertThat(StudyLag.median(List.of(7L, 8L, 14L, 13L, 47L, 20L))).isEqualTo(new BigDecimal("13.5"));
    }

    @Test
    void noLagsNoMedian() {
        assertThat(StudyLag.median(List.of())).isNull();
    }
}
