package cn.studyledger.figure;

import cn.studyledger.common.InvalidInputException;
import java.time.LocalDate;

/**
 * The part of an organisation's year a figure (and a report) covers: the whole year, or its first half (上半年, 1 January
 * to 30 June) for the half-year report. A record counts in a period when its date falls within it; a record that
 * belongs to the year without a date of its own (a unit not yet visited, a theme of the year's investigations) counts
 * in every period of that year.
 *
 * @param year the calendar year
 * @param part which part of it
 */
public record Period(int year, Part part) {

    /** The parts of a year a report is written for, by the name the API takes ({@code ?period=year|H1}). */
    public enum Part {
        YEAR("year", "", 12),
        H1("H1", "上半年", 6);

        private final String name;
        private final String label;
        private final int lastMonth;

        Part(String name, String label, int lastMonth) {
            this.name = name;
            this.label = label;
            this.lastMonth = lastMonth;
        }

        /** The name the API and the URLs use: {@code year}, {@code H1}. */
        public String apiName() {
            return name;
        }
    }

    public Period {
        if (part == null) {
            throw new IllegalArgumentException("period without a part");
        }
    }

    /** The whole year. */
    public static Period of(int year) {
        return new Period(year, Part.YEAR);
    }

    /**
     * The period a request names: {@code year} (or nothing) for the whole year, {@code H1} for its first half; anything
     * else is refused with the names allowed.
     */
    public static Period parse(int year, String name) {
        if (name == null || name.isBlank()) {
            return of(year);
        }
        for (Part p : Part.values()) {
            if (p.name.equalsIgnoreCase(name.strip())) {
                return new Period(year, p);
            }
        }
        throw new InvalidInputException("period 只能是 year（全年）或 H1（上半年）");
    }

    public boolean wholeYear() {
        return part == Part.YEAR;
    }

    public LocalDate from() {
        return LocalDate.of(year, 1, 1);
    }

    public LocalDate to() {
        return LocalDate.of(year, part.lastMonth, 1).plusMonths(1).minusDays(1);
    }

    /** The last month of the year the period covers: 12, or 6 for the first half. */
    public int lastMonth() {
        return part.lastMonth;
    }

    /** Whether a record of the period's year dated so counts in it; an undated record counts in every period. */
    public boolean includes(LocalDate date) {
        return date == null || (!date.isBefore(from()) && !date.isAfter(to()));
    }

    /** How documents name the period: 「2025年」, 「2025年上半年」. */
    public String label() {
        return year + "年" + part.label;
    }

    /** The part's name after the year in documents: empty for the whole year, 「上半年」. */
    public String partLabel() {
        return part.label;
    }

    /** The name the API takes: {@code year} or {@code H1}. */
    public String apiName() {
        return part.apiName();
    }
}
