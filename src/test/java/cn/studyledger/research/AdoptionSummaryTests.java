package cn.studyledger.research;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The adoption rate (学用转化) that the rules will judge: adopted over proposed, weak below 50 %. */
class AdoptionSummaryTests {

    @Test
    void rateIsAdoptedOverProposedWithOneDecimal() {
        assertThat(new AdoptionSummary(9, 4, 2, 3).rate()).isEqualByComparingTo("44.4");
        assertThat(new AdoptionSummary(4, 2, 1, 1).rate()).isEqualByComparingTo("50");
        assertThat(new AdoptionSummary(0, 0, 0, 0).rate()).isNull();
    }

    @Test
    void belowHalfAdoptedIsWeakButNothingProposedIsNotJudged() {
        assertThat(new AdoptionSummary(9, 4, 2, 3).weak()).isTrue();
        assertThat(new AdoptionSummary(4, 2, 1, 1).weak()).isFalse();
        assertThat(new AdoptionSummary(0, 0, 0, 0).weak()).isFalse();
    }
}
