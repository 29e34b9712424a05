package cn.studyledger.common.demo;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One record of a {@link DemoTable}: its cells by column name, read as the type the demo code needs. */
public record DemoRow(String table, Map<String, String> cells) {

    /** The cell as it stands; null when it is empty. */
    public String text(String column) {
        if (!cells.containsKey(column)) {
            throw new IllegalArgumentException("demo table " + table + " has no column " + column);
        }
        return cells.get(column);
    }

    public boolean has(String column) {
        return text(column) != null;
    }

    public LocalDate date(String column) {
        String text = text(column);
        return text == null ? null : LocalDate.parse(text);
    }

    public int number(String column) {
        return Integer.parseInt(text(column));
    }

    public boolean flag(String column) {
        return Boolean.parseBoolean(text(column));
    }

    public <E extends Enum<E>> E kind(String column, Class<E> type) {
        String text = text(column);
        return text == null ? null : Enum.valueOf(type, text);
    }

    /** The cell read as the given type, for {@link DemoTable#read(String, Class)}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object as(String column, Class<?> type) {
        if (type == String.class) {
            return text(column);
        } else if (type == LocalDate.class) {
            return date(column);
        } else if (type == int.class || type == Integer.class) {
            return number(column);
        } else if (type == boolean.class || type == Boolean.class) {
            return flag(column);
        } else if (type.isEnum()) {
            return kind(column, (Class<? extends Enum>) type);
        } else if (type == List.class) {
            return list(column);
        }
        throw new IllegalArgumentException("demo table " + table + ": no reading of " + type + " for " + column);
    }

    /** A cell of comma-separated values; empty when the cell is. */
    public List<String> list(String column) {
        String text = text(column);
        return text == null
                ? List.of()
                : Arrays.stream(text.split(",")).map(String::strip).toList();
    }
}
