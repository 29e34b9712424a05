package cn.studyledger.figure.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureApi;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureResult;
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

    static Evidence record(long id) {
        return new Evidence("考勤", id, null, "r" + id, "", null, "/x");
    }

    @Test
    void aCountIsTheNumberOfItsRecords() {
        assertThat(FigureResult.count(records(7, null)).value()).isEqualTo(7L);
    }

    @Test
    void anAverageIsTheMeanOfItsRecordsAmountsWithOneDecimalAndNoValueWithoutRecords() {
        List<Evidence> scores = List.of(
                new Evidence("列席旁听", 1, null, "a", "", new BigDecimal("90.0"), "/x"),
                new Evidence("列席旁听", 2, null, "b", "", new BigDecimal("85.5"), "/x"),
                new Evidence("列席旁听", 3, null, "c", "", new BigDecimal("81.6"), "/x"));
        FigureResult average = FigureResult.average(scores);
        assertThat(average.value()).isEqualTo(new BigDecimal("85.7")); // 257.1 / 3 = 85.7
        assertThat(average.numerator()).isNull();
        assertThat(average.denominator()).isNull();
        assertThat(FigureResult.average(scores.subList(0, 2)).value()).isEqualTo(new BigDecimal("87.8")); // 87.75
        assertThat(FigureResult.average(scores.subList(0, 1)).value()).isEqualTo(new BigDecimal("90"));
        assertThat(FigureResult.average(List.of()).value()).isNull();
        assertThat(FigureResult.talliedAverage(new BigDecimal("175.5"), 2).value())
                .isEqualTo(FigureResult.average(scores.subList(0, 2)).value());
        assertThat(FigureResult.talliedAverage(BigDecimal.ZERO, 0).hasValue()).isFalse();
        assertThat(FigureResult.of(FigureDefinition.Kind.AVERAGE, scores.subList(1, 3), List.of())
                        .value())
                .isEqualTo(new BigDecimal("83.6")); // 167.1 / 2 = 83.55
    }

    @Test
    void aRateIsNumeratorOverDenominatorWithOneDecimal() {
        FigureResult rate = FigureResult.rate(records(124, null), records(2, null));
        assertThat(rate.value()).isEqualTo(new BigDecimal("98.4"));
        assertThat(rate.numerator()).isEqualTo(124);
        assertThat(rate.denominator()).isEqualTo(126);
        assertThat(rate.complement()).hasSize(2);
        assertThat(FigureResult.rate(records(9, null), List.of()).value()).isEqualTo(new BigDecimal("100"));
    }

    @Test
    void aRateWithNothingToMeasureHasNoValue() {
        assertThat(FigureResult.rate(List.of(), List.of()).hasValue()).isFalse();
    }

    @Test
    void aMembersPartOfARateCountsOnlyTheRecordsAboutThem() {
        FigureResult rate = FigureResult.rate(
                List.of(record(1).about(7), record(2).about(7), record(3).about(8)),
                List.of(record(4).about(7), record(5).about(8)));
        FigureApi.Figure figure = new FigureApi.Figure(
                new FigureDefinition("attendance.rate", "参学率", "%", FigureDefinition.Kind.RATE), rate);
        FigureResult theirs = figure.about(7);
        assertThat(theirs.numerator()).isEqualTo(2);
        assertThat(theirs.denominator()).isEqualTo(3);
        assertThat(theirs.value()).isEqualTo(new BigDecimal("66.7"));
        assertThat(figure.about(9).hasValue()).as("nothing about someone else").isFalse();
    }

    @Test
    void aSumAddsTheAmounts() {
        assertThat(FigureResult.sum(records(3, "2.5")).value()).isEqualTo(new BigDecimal("7.5"));
        assertThat(FigureResult.sum(records(4, "2.5")).value()).isEqualTo(new BigDecimal("10"));
    }
}
