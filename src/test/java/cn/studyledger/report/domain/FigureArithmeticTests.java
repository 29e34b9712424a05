package cn.studyledger.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.report.Evidence;
import cn.studyledger.report.FigureResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FigureArithmeticTests {

    static List<Evidence> records(int n, String hours) {
        return IntStream.range(0, n)
                .mapToObj(i ->
                        new Evidence("t", i, null, "r" + i, "", hours == null ? null : new BigDecimal(hours), "/x"))
                .toList();
    }

    @Test
    void aCountIsTheNumberOfItsRecords() {
        assertThat(FigureResult.count(records(7, null)).value()).isEqualTo(7L);
    }

    @Test
    void aRateIsNumeratorOverDenominatorWithOneDecimal() {
        FigureResult rate = FigureResult.rate(records(124, null), 126);
        assertThat(rate.value()).isEqualTo(new BigDecimal("98.4"));
        assertThat(rate.numerator()).isEqualTo(124);
        assertThat(rate.denominator()).isEqualTo(126);
        assertThat(FigureResult.rate(records(9, null), 9).value()).isEqualTo(new BigDecimal("100"));
    }

    @Test
    void aRateWithNothingToMeasureHasNoValue() {
        assertThat(FigureResult.rate(List.of(), 0).hasValue()).isFalse();
    }

    @Test
    void aSumAddsTheAmounts() {
        assertThat(FigureResult.sum(records(3, "2.5")).value()).isEqualTo(new BigDecimal("7.5"));
        assertThat(FigureResult.sum(records(4, "2.5")).value()).isEqualTo(new BigDecimal("10"));
    }
}
