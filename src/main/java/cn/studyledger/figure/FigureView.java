package cn.studyledger.figure;

/**
 * A figure as the API and pages show it (DESIGN.md §7).
 *
 * @param key stable key
 * @param label Chinese label
 * @param value number or text, null when there is no data yet
 * @param unit unit
 * @param numerator for rates
 * @param denominator for rates
 * @param evidence URL of the records behind the figure
 */
public record FigureView(
        String key, String label, Object value, String unit, Long numerator, Long denominator, String evidence) {}
