package cn.studyledger.dashboard.domain;

import cn.studyledger.figure.FigureDefinition;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The roll-up of an organisation and its subordinate units for a year: the organisation's own row first, then one
 * row per direct subordinate — a subordinate with units of its own shows its whole subtree added up and opens its
 * own roll-up — one column per figure, and a totals row over every unit in sight.
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
     * @param depth 0 for the organisation itself, 1 for its direct subordinates
     * @param subordinates how many units below this one are added into the row (0 for a unit's own figures)
     */
    public record Row(String orgCode, String orgName, int depth, List<Cell> cells, int subordinates) {

        /** The roll-up of the subtree added up in this row, or null for a unit's own figures. */
        public String drillDown() {
            return subordinates == 0 ? null : "/rollup?of=" + URLEncoder.encode(orgCode, StandardCharsets.UTF_8);
        }
    }

    /**
     * One figure of one unit.
     *
     * @param value number, null when there is nothing to measure (a rate over zero)
     * @param numerator for rates
     * @param denominator for rates
     * @param url the page of the records behind the value, null for added-up rows and the totals
     */
    public record Cell(String key, Object value, Long numerator, Long denominator, String url) {

        public boolean isRate() {
            return denominator != null;
        }
    }
}
