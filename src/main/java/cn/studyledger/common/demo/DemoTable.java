package cn.studyledger.common.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * A table of the demo year kept as data: a class-path resource under {@code demo/} with one record a line and its
 * cells separated by {@code |}. The first line that is not a comment names the columns; lines starting with
 * {@code #} and blank lines are passed over. An empty cell is absent (null) and {@code \n} in a cell is a line
 * break, so a record with a multi-line text still stays on one line.
 */
public final class DemoTable {

    private DemoTable() {}

    /** The records of {@code demo/<name>}, in the order of the file. */
    public static List<DemoRow> read(String name) {
        ClassPathResource resource = new ClassPathResource("demo/" + name);
        try (InputStream in = resource.getInputStream()) {
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the demo table " + name, e);
        }
    }

    /**
     * The records of {@code demo/<name>} as records of the given type: each component is filled from the column of
     * its name, read as its type (text, date, number, flag, enum constant or comma-separated list).
     */
    public static <R extends Record> List<R> read(String name, Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<R> constructor;
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor in " + type, e);
        }
        List<R> records = new ArrayList<>();
        for (DemoRow row : read(name)) {
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = row.as(components[i].getName(), types[i]);
            }
            try {
                records.add(constructor.newInstance(values));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("demo table " + name + ": could not make " + type.getSimpleName(), e);
            }
        }
        return records;
    }

    static List<DemoRow> parse(String name, String text) {
        List<String> columns = null;
        List<DemoRow> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = cells(line);
            if (columns == null) {
                columns = cells;
                continue;
            }
            if (cells.size() != columns.size()) {
                throw new IllegalStateException(
                        "demo table " + name + ": " + columns.size() + " columns wanted in " + line);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                String cell = cells.get(i);
                row.put(columns.get(i), cell.isEmpty() ? null : cell.replace("\\n", "\n"));
            }
            rows.add(new DemoRow(name, row));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }
}
