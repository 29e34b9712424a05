package cn.studyledger.dashboard.domain;

import cn.studyledger.report.FigureDefinition;
import java.util.List;

/**
 * The roll-up of an organisation and its subordinate units for a year: one row per unit (the organisation
 * first, then its descendants in tree order), one column per figure, and a totals row.
 *
 * @param orgCode the organisation rolled up
 * @param orgName its name
 * @param year the year
 * @param columns the figures shown
 * @param rows one per unit
 * @param total counts and sums added up, rates recomputed from the summed numerators and denominators
 */
public record Rollup(
        String orgCode, String orgName, int year, List<FigureDefinition> columns, List<Row> rows, Row total) {

    /**
     * One unit's figures.
     *
     * @param depth 0 for the organisation itself, 1 for its direct subordinates, ...
     */
    public record Row(String orgCode, String orgName, int depth, List<Cell> cells) {}

    /**
     * One figure of one unit.
     *
     * @param value number, null when there is nothing to measure (a rate over zero)
     * @param numerator for rates
     * @param denominator for rates
     * @param url the page of the records behind the value, null for the totals
     */
    public record Cell(String key, Object value, Long numerator, Long denominator, String url) {

        public boolean isRate() {
            return denominator != null;
        }
    }
}
