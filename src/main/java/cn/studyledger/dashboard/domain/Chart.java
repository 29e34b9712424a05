package cn.studyledger.dashboard.domain;

import java.util.List;

/**
 * One chart of the dashboard, in a shape both the ECharts script and the accessible data table read: categories
 * along one axis, one or more series of values, each value with the page of the records behind it.
 *
 * @param id stable id, used as the HTML id of the chart and its table
 * @param title Chinese title
 * @param kind how it is drawn: {@code bar}, {@code stack} (stacked bars), {@code hbar} (horizontal bars),
 *     {@code pie} or {@code funnel} (the last two with a single series)
 * @param unit unit of the values, e.g. 次, 学时, %
 * @param categories labels along the category axis (or of the slices)
 * @param series the values, one list per series, aligned with the categories
 * @param note a sentence under the chart (a median, a rule, or why there is nothing to show); may be null
 * @param limit a reference line (e.g. the 30-day rule), null for none
 */
public record Chart(
        String id,
        String title,
        String kind,
        String unit,
        List<String> categories,
        List<Series> series,
        String note,
        Number limit) {

    public Chart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }

    /** Whether there is any value to draw. */
    public boolean hasData() {
        return series.stream()
                .flatMap(s -> s.data().stream())
                .anyMatch(d -> d.value() != null && d.value().doubleValue() != 0);
    }

    /** One series of values. */
    public record Series(String name, List<Datum> data) {

        public Series {
            data = List.copyOf(data);
        }
    }

    /**
     * One value and the page of the records behind it.
     *
     * @param value the number, null when there is nothing to measure (a rate over zero)
     * @param url the page a click on the bar or slice opens
     */
    public record Datum(Number value, String url) {}
}
