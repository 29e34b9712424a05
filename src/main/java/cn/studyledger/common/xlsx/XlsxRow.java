package cn.studyledger.common.xlsx;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One row of a sheet as read by {@link XlsxReader}: its number as Excel shows it (the header is row 1) and its
 * non-empty cells by column (0 = A). Values are read the same way by every import: text trimmed, a blank cell is
 * {@code null}, and the apostrophe the exports put before text that a spreadsheet would take for a formula is
 * removed again.
 */
public record XlsxRow(int number, Map<Integer, Cell> cells, List<String> header, boolean date1904) {

    /** The kind of value a cell holds, as the sheet declares it. */
    public enum Type {
        NUMBER,
        TEXT,
        BOOLEAN,
        ERROR
    }

    /** A cell's value as written in the sheet (a number as its decimal text, a shared string resolved). */
    public record Cell(Type type, String value) {}

    /** Characters that make a spreadsheet program evaluate a cell (formula, DDE); exports quote them with "'". */
    public static final String FORMULA_TRIGGERS = "=+-@\t\r";

    public boolean isBlank() {
        for (int i = 0; i < header.size(); i++) {
            if (text(i) != null) {
                return false;
            }
        }
        return true;
    }

    /** The trimmed text of a cell, or null when it is empty or blank. */
    public String text(int column) {
        Cell cell = cells.get(column);
        if (cell == null || cell.value() == null) {
            return null;
        }
        String value = cell.value();
        if (cell.type() == Type.TEXT) {
            value = unquote(value);
        }
        return value.isBlank() ? null : value.trim();
    }

    /** A date cell: an Excel date number, or text such as 2025-01-01, 2025/1/1 or 2025.01.01. */
    public LocalDate date(int column, String example) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        Cell cell = cells.get(column);
        try {
            if (cell.type() == Type.NUMBER) {
                return excelDate(new BigDecimal(value).longValue());
            }
            return LocalDate.parse(normalDate(value));
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException(label(column) + "“" + value + "”格式不对，应为 " + example);
        }
    }

    /** A whole number, or null when the cell is empty. */
    public Integer integer(int column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.stripTrailingZeros().scale() > 0) {
                throw new ArithmeticException();
            }
            return number.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(label(column) + "应为整数，不能是“" + value + "”");
        }
    }

    /** 是 → true, 否 or empty → false. */
    public boolean flag(int column) {
        String value = text(column);
        if (value == null || value.equals("否")) {
            return false;
        }
        if (value.equals("是")) {
            return true;
        }
        throw new IllegalArgumentException(label(column) + "应填“是”或“否”，不能是“" + value + "”");
    }

    /** The header names as read (missing ones as ""), to compare with the expected header. */
    public List<String> texts(int columns) {
        return java.util.stream.IntStream.range(0, columns)
                .mapToObj(i -> {
                    String t = text(i);
                    return t == null ? "" : t;
                })
                .toList();
    }

    /** Removes the one apostrophe an export put before text beginning with a formula character. */
    static String unquote(String value) {
        if (value.length() >= 2 && value.charAt(0) == '\'' && FORMULA_TRIGGERS.indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }

    private String label(int column) {
        return column < header.size() ? header.get(column) : "第" + (column + 1) + "列";
    }

    private static String normalDate(String value) {
        String[] parts = value.replace('/', '-').replace('.', '-').split("-", -1);
        if (parts.length != 3) {
            return value;
        }
        return String.format(
                "%s-%s-%s",
                parts[0],
                parts[1].length() == 1 ? "0" + parts[1] : parts[1],
                parts[2].length() == 1 ? "0" + parts[2] : parts[2]);
    }

    /** Excel's day numbers; the 1900 system counts the non-existent 1900-02-29 (day 60). */
    private LocalDate excelDate(long day) {
        if (day < 0 || day > 2_958_465) { // 9999-12-31, the last day Excel shows
            throw new DateTimeException("out of Excel's range");
        }
        if (date1904) {
            return LocalDate.of(1904, 1, 1).plusDays(day);
        }
        return day < 61
                ? LocalDate.of(1899, 12, 31).plusDays(day)
                : LocalDate.of(1899, 12, 30).plusDays(day);
    }
}
