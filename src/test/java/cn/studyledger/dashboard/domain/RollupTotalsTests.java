package cn.studyledger.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.report.FigureDefinition;
import cn.studyledger.report.FigureDefinition.Kind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The totals row: counts and sums add up, a rate is recomputed from the summed parts, never averaged. */
class RollupTotalsTests {

    static final List<FigureDefinition> COLUMNS = List.of(
            new FigureDefinition("sessions.collective", "集体学习次数", "次", Kind.COUNT),
            new FigureDefinition("attendance.rate", "参学率", "%", Kind.RATE),
            new FigureDefinition("selfstudy.hours", "自学学时", "学时", Kind.SUM));

    @Test
    void countsAndSumsAddUpAndARateIsSumOfNumeratorsOverSumOfDenominators() {
        List<Rollup.Row> rows = List.of(
                row("XJ", 14L, 9, 10, new BigDecimal("120.5")),
                row("XJ-01", 2L, 1, 4, new BigDecimal("10")),
                row("XJ-02", 0L, 0, 0, BigDecimal.ZERO));
        Rollup.Row total = RollupService.totals(COLUMNS, rows);
        assertThat(total.cells().get(0).value()).isEqualTo(16L);
        // (9 + 1) / (10 + 4) = 71.4 %, whereas the average of 90 % and 25 % would be 57.5 %
        assertThat(total.cells().get(1).value()).isEqualTo(new BigDecimal("71.4"));
        assertThat(total.cells().get(1).numerator()).isEqualTo(10L);
        assertThat(total.cells().get(1).denominator()).isEqualTo(14L);
        assertThat((BigDecimal) total.cells().get(2).value()).isEqualByComparingTo("130.5");
    }

    @Test
    void aRateWithNothingToMeasureHasNoValue() {
        Rollup.Row total = RollupService.totals(COLUMNS, List.of(row("XJ-02", 0L, 0, 0, BigDecimal.ZERO)));
        assertThat(total.cells().get(1).value()).isNull();
        assertThat(RollupService.percent(9, 9)).isEqualTo(new BigDecimal("100"));
        assertThat(RollupService.percent(2, 3)).isEqualTo(new BigDecimal("66.7"));
    }

    private static Rollup.Row row(String org, long count, long numerator, long denominator, BigDecimal hours) {
        return new Rollup.Row(
                org,
                org,
                0,
                List.of(
                        new Rollup.Cell("sessions.collective", count, null, null, "/x"),
                        new Rollup.Cell(
                                "attendance.rate",
                                RollupService.percent(numerator, denominator),
                                numerator,
                                denominator,
                                "/x"),
                        new Rollup.Cell("selfstudy.hours", hours, null, null, "/x")),
                0);
    }
}
