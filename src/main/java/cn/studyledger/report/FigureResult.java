package cn.studyledger.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * A computed figure: its value and the records behind it. Build it with the factory that matches the
 * figure's kind, so the value is always derived from the evidence.
 *
 * @param value number or text; null when there is no data (shown as 【待补充】)
 * @param numerator for rates: the evidence count
 * @param denominator for rates: what the evidence is counted against
 * @param evidence the records behind the value (for a rate, the numerator's records)
 */
public record FigureResult(Object value, Long numerator, Long denominator, List<Evidence> evidence) {

    public static FigureResult count(List<Evidence> evidence) {
        return new FigureResult((long) evidence.size(), null, null, List.copyOf(evidence));
    }

    public static FigureResult sum(List<Evidence> evidence) {
        BigDecimal total = evidence.stream()
                .map(Evidence::amount)
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new FigureResult(
                total.stripTrailingZeros().scale() <= 0 ? total.setScale(0) : total, null, null, List.copyOf(evidence));
    }

    /** A percentage with one decimal; no value when the denominator is zero (nothing to measure yet). */
    public static FigureResult rate(List<Evidence> numeratorRecords, long denominator) {
        long numerator = numeratorRecords.size();
        BigDecimal percent = denominator == 0
                ? null
                : BigDecimal.valueOf(numerator * 100L)
                        .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP)
                        .stripTrailingZeros();
        if (percent != null && percent.scale() < 0) {
            percent = percent.setScale(0);
        }
        return new FigureResult(percent, numerator, denominator, List.copyOf(numeratorRecords));
    }

    public static FigureResult text(String value, List<Evidence> evidence) {
        return new FigureResult(value == null || value.isBlank() ? null : value, null, null, List.copyOf(evidence));
    }

    public boolean hasValue() {
        return value != null;
    }
}
