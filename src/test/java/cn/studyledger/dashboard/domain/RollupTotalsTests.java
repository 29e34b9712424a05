package cn.studyledger.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureDefinition.Kind;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.OrgType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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
    void aDirectSubordinateWithUnitsOfItsOwnShowsItsWholeSubtreeAddedUpAndALeafItsOwnFigures() {
        OrgRef province = org(1, "SHENG", "/1/");
        OrgRef bureau = org(2, "J001", "/1/2/");
        OrgRef unit = org(3, "J001-01", "/1/2/3/");
        OrgRef leaf = org(4, "J002", "/1/4/");
        Map<Long, Rollup.Row> own = Map.of(
                1L, row("SHENG", 5L, 1, 1, BigDecimal.ONE),
                2L, row("J001", 3L, 2, 4, new BigDecimal("2.5")),
                3L, row("J001-01", 4L, 3, 4, BigDecimal.TEN),
                4L, row("J002", 7L, 0, 2, BigDecimal.ZERO));

        List<Rollup.Row> rows = RollupService.rows(province, List.of(province, bureau, unit, leaf), own, COLUMNS);

        assertThat(rows).extracting(Rollup.Row::orgCode).containsExactly("SHENG", "J001", "J002");
        Rollup.Row added = rows.get(1);
        assertThat(added.subordinates()).isEqualTo(1);
        assertThat(added.drillDown()).isEqualTo("/rollup?of=J001");
        assertThat(added.cells().get(0).value()).isEqualTo(7L);
        assertThat(added.cells().get(1).value()).isEqualTo(new BigDecimal("62.5")); // (2 + 3) / (4 + 4)
        assertThat((BigDecimal) added.cells().get(2).value()).isEqualByComparingTo("12.5");
        assertThat(added.cells().get(0).url()).isNull();
        assertThat(rows.get(2)).isSameAs(own.get(4L));
        assertThat(rows.get(2).drillDown()).isNull();
    }

    private static OrgRef org(long id, String code, String path) {
        return new OrgRef(id, code, code, OrgType.PARTY_COMMITTEE, path, null);
    }

    @Test
    void anAverageHasNoTotalSinceTheMeanOfTheUnitsMeansIsNobodysFigure() {
        List<FigureDefinition> columns =
                List.of(new FigureDefinition("supervision.rating", "接受列席旁听评价平均分", "分", Kind.AVERAGE));
        List<Rollup.Row> rows = List.of(
                new Rollup.Row(
                        "XJ-01",
                        "XJ-01",
                        0,
                        List.of(new Rollup.Cell("supervision.rating", new BigDecimal("90"), null, null, "/e")),
                        0),
                new Rollup.Row(
                        "XJ-02",
                        "XJ-02",
                        0,
                        List.of(new Rollup.Cell("supervision.rating", new BigDecimal("84.5"), null, null, "/e")),
                        0));
        Rollup.Cell total = RollupService.totals(columns, rows).cells().get(0);
        assertThat(total.value()).isNull();
        assertThat(total.isRate()).isFalse();
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
