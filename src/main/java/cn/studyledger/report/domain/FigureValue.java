package cn.studyledger.report.domain;

import cn.studyledger.figure.FigureDefinition;

/**
 * A figure as a report token shows it: live from the figure service, or frozen in a final revision's snapshot.
 *
 * @param key the figure's key, or a built-in token ({@code year}, {@code org.issuer})
 * @param label Chinese label
 * @param kind how the value was made
 * @param value the value as text (a rate without its % sign), null when there is no data
 * @param numerator for rates
 * @param denominator for rates
 * @param unit unit
 * @param evidenceUrl page of the records behind the figure, null for built-ins
 */
public record FigureValue(
        String key,
        String label,
        FigureDefinition.Kind kind,
        String value,
        Long numerator,
        Long denominator,
        String unit,
        String evidenceUrl) {

    public boolean hasValue() {
        return value != null;
    }
}
