package cn.studyledger.common.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
