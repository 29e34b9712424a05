package cn.studyledger.dashboard.domain;

import java.util.List;

/**
 * The dashboard of an organisation and year: the annual report's figures as tiles and the charts of the year.
 *
 * @param orgCode the organisation
 * @param orgName its name
 * @param year the year
 * @param tiles the figures, headline ones first
 * @param charts the charts, in the order they are shown
 */
public record Dashboard(String orgCode, String orgName, int year, List<Tile> tiles, List<Chart> charts) {

    /**
     * One figure as a tile.
     *
     * @param key the figure's stable key
     * @param label Chinese label
     * @param value the value as shown (a rate with its per cent sign, e.g. 44.4%); — when there is none (a rate of 0/0)
     * @param unit the unit shown after the value (empty for rates)
     * @param numerator for rates
     * @param denominator for rates
     * @param url the page of the records behind the figure
     */
    public record Tile(
            String key, String label, String value, String unit, Long numerator, Long denominator, String url) {}
}
