package cn.studyledger.figure;

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
 * @param complement for rates: the records counted in the denominator but not in the numerator (the absences behind
 *     an attendance rate, the units not yet visited); empty for every other kind
 */
public record FigureResult(
        Object value, Long numerator, Long denominator, List<Evidence> evidence, List<Evidence> complement) {

    public FigureResult {
        evidence = List.copyOf(evidence);
        complement = List.copyOf(complement);
    }

    /** A result without a complement: a count, a sum, a text or a tallied value. */
    public FigureResult(Object value, Long numerator, Long denominator, List<Evidence> evidence) {
        this(value, numerator, denominator, evidence, List.of());
    }

    public static FigureResult count(List<Evidence> evidence) {
        return new FigureResult((long) evidence.size(), null, null, evidence);
    }

    public static FigureResult sum(List<Evidence> evidence) {
        BigDecimal total = evidence.stream()
                .map(Evidence::amount)
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new FigureResult(plain(total), null, null, evidence);
    }

    /**
     * The mean of the records' amounts with one decimal, half up, no trailing zeros (every record of an average has an
     * amount: the score it was given); no value when there is no record yet. Neither numerator nor denominator: they
     * are a rate's.
     */
    public static FigureResult average(List<Evidence> evidence) {
        BigDecimal total = BigDecimal.ZERO;
        for (Evidence e : evidence) {
            total = total.add(Objects.requireNonNull(e.amount(), () -> "record of an average without amount: " + e));
        }
        return new FigureResult(mean(total, evidence.size()), null, null, evidence);
    }

    /**
     * A percentage with one decimal of the records that count among all the records measured (those that count and
     * the {@code complement}); no value when there is nothing to measure yet.
     */
    public static FigureResult rate(List<Evidence> numeratorRecords, List<Evidence> complement) {
        long denominator = numeratorRecords.size() + complement.size();
        return new FigureResult(
                percent(numeratorRecords.size(), denominator),
                (long) numeratorRecords.size(),
                denominator,
                numeratorRecords,
                complement);
    }

    /** A count tallied without its records, for the roll-up (see {@link FigureProvider#tally}). */
    public static FigureResult tallied(long count) {
        return new FigureResult(count, null, null, List.of());
    }

    /** A sum tallied without its records, for the roll-up. */
    public static FigureResult tallied(BigDecimal sum) {
        return new FigureResult(plain(sum), null, null, List.of());
    }

    /** A rate tallied without its records, for the roll-up. */
    public static FigureResult tallied(long numerator, long denominator) {
        return new FigureResult(percent(numerator, denominator), numerator, denominator, List.of());
    }

    /**
     * An average tallied without its records, for the roll-up: the sum of the records' amounts and their number, made
     * into the same mean as {@link #average}.
     */
    public static FigureResult talliedAverage(BigDecimal total, long records) {
        return new FigureResult(mean(total, records), null, null, List.of());
    }

    /** The mean with one decimal, half up, no trailing zeros; null when there is no record. */
    public static BigDecimal mean(BigDecimal total, long records) {
        if (records == 0) {
            return null;
        }
        BigDecimal mean = total.divide(BigDecimal.valueOf(records), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return mean.scale() < 0 ? mean.setScale(0) : mean;
    }

    private static BigDecimal plain(BigDecimal total) {
        return total.stripTrailingZeros().scale() <= 0 ? total.setScale(0) : total;
    }

    /** A percentage with one decimal, half up, no trailing zeros; null when the denominator is zero. */
    public static BigDecimal percent(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        BigDecimal percent = BigDecimal.valueOf(numerator * 100L)
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return percent.scale() < 0 ? percent.setScale(0) : percent;
    }

    public static FigureResult text(String value, List<Evidence> evidence) {
        return new FigureResult(value == null || value.isBlank() ? null : value, null, null, evidence);
    }

    /**
     * The figure of a kind made again from some of its records (and of a rate's complement): what a figure computed from
     * exactly its records gives over only these.
     */
    public static FigureResult of(FigureDefinition.Kind kind, List<Evidence> evidence, List<Evidence> complement) {
        return switch (kind) {
            case COUNT -> count(evidence);
            case SUM -> sum(evidence);
            case RATE -> rate(evidence, complement);
            case AVERAGE -> average(evidence);
            case TEXT -> throw new IllegalArgumentException("文字指标不能按部分记录计算");
        };
    }

    /**
     * The figure over part of its year: made again, by its kind, from only the records the period includes ({@link
     * Period#includes}); a text figure stays as it is. Right for every figure whose records each count by their own
     * date; a provider overrides {@link FigureProvider#compute(String, cn.studyledger.org.OrgRef, Period)} where a
     * record's date does not say in which part of the year it counts (a rate over the members or the units).
     */
    public FigureResult within(Period period, FigureDefinition.Kind kind) {
        if (period.wholeYear() || kind == FigureDefinition.Kind.TEXT) {
            return this;
        }
        return of(
                kind,
                evidence.stream().filter(e -> period.includes(e.date())).toList(),
                complement.stream().filter(e -> period.includes(e.date())).toList());
    }

    public boolean hasValue() {
        return value != null;
    }
}
