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

    @Test
    void reportSaysOverARoundNumberBelowTheHours() {
        assertThat(AnnualReportService.hoursPhrase(FigureResult.sum(records(1, "702"))))
                .isEqualTo("累计超过700学时");
        assertThat(AnnualReportService.hoursPhrase(FigureResult.sum(records(3, "450.5"))))
                .isEqualTo("累计超过1300学时");
        assertThat(AnnualReportService.hoursPhrase(FigureResult.sum(records(1, "700"))))
                .isEqualTo("累计700学时");
        assertThat(AnnualReportService.hoursPhrase(FigureResult.sum(records(1, "7.5"))))
                .isEqualTo("累计超过7学时");
        assertThat(AnnualReportService.hoursPhrase(FigureResult.sum(List.of()))).contains("【待补充】");
    }

    @Test
    void documentDatesAreWrittenInChinese() {
        assertThat(AnnualReportService.chineseDate(java.time.LocalDate.of(2025, 12, 31)))
                .isEqualTo("2025年12月31日");
    }
}
