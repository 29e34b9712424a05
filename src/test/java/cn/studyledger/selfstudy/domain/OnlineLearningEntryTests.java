package cn.studyledger.selfstudy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.selfstudy.WritingKind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Rules of an online-learning row and of the writing kinds, without a database. */
class OnlineLearningEntryTests {

    static final LocalDate APRIL = LocalDate.of(2025, 4, 1);

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> new OnlineLearning(1, 2, "学习强国", APRIL, APRIL.minusDays(1), 30, 600))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("结束日期不能早于开始日期");
    }

    @Test
    void negativePersonTimesOrPointsAreRefused() {
        assertThatThrownBy(() -> new OnlineLearning(1, 2, "学习强国", APRIL, APRIL.plusMonths(3), -1, 600))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("人次和积分不能为负数");
        assertThatThrownBy(() -> new OnlineLearning(1, 2, "学习强国", APRIL, APRIL.plusMonths(3), 1, -600))
                .isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void aOneDayPeriodIsFine() {
        assertThat(new OnlineLearning(1, 2, "学习强国", APRIL, APRIL, 0, 0).personTimes())
                .isZero();
    }

    @Test
    void speechesAreNotCountedAsAchievements() {
        assertThat(WritingKind.SPEECH.countsAsAchievement()).isFalse();
        assertThat(WritingKind.THEORY_ARTICLE.countsAsAchievement()).isTrue();
    }
}
