package cn.studyledger.figure;

/**
 * A figure's stable key, its label and its unit.
 *
 * @param key stable API name, e.g. {@code sessions.collective}
 * @param label Chinese label shown in the UI
 * @param unit unit shown after the value, e.g. 次, 学时, %
 * @param kind how the value relates to its evidence
 */
public record FigureDefinition(String key, String label, String unit, Kind kind) {

    /** How a figure's value is made from its evidence. */
    public enum Kind {
        /** the number of evidence records */
        COUNT,
        /** the sum of the evidence records' amounts */
        SUM,
        /** numerator (the evidence records) over a denominator, as a percentage */
        RATE,
        /**
         * the mean of the evidence records' amounts (a score per rated record), one decimal; no value without
         * records. Not added up over organisations: an average of averages is no organisation's figure
         */
        AVERAGE,
        /** a text taken from the evidence record */
        TEXT
    }
}
