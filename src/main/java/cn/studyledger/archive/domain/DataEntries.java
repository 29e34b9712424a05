package cn.studyledger.archive.domain;

import static cn.studyledger.archive.domain.ArchiveImporter.refused;
import static cn.studyledger.archive.domain.ArchiveImporter.text;

import cn.studyledger.common.BusinessRuleException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of one archived table as the archive holds them ({@code data/<table>.jsonl}: a header line naming the
 * table and its columns, then one JSON array per row): the header read and checked against the table of this
 * system, and the rows inserted in batches.
 */
final class DataEntries {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 500;

    private DataEntries() {}

    /** A stored file's row as restored: which file of the archive goes to which stored name. */
    record StoredFileRow(long id, String storedName, String originalName) {}

    /** The entry's column names in their order; refused when the header is missing or names another table. */
    static List<String> columns(ZipFile zip, ZipEntry entry, String table) throws IOException {
        try (BufferedReader reader = reader(zip, entry)) {
            return header(reader, table);
        }
    }

    /** Whether the entry's columns are exactly the table's (secret columns are not the table's). */
    static boolean matches(DataModel.Table table, List<String> columns) {
        Set<String> expected =
                table.columns().stream().map(DataModel.Column::name).collect(Collectors.toSet());
        return expected.equals(new HashSet<>(columns)) && columns.size() == expected.size();
    }

    /**
     * Inserts the entry's rows into the table and returns how many; the rows of the stored-file table are added
     * to {@code storedFiles}, so their files can be restored.
     */
    static long insert(
            Connection connection, ZipFile zip, ZipEntry entry, DataModel.Table table, List<StoredFileRow> storedFiles)
            throws IOException, SQLException {
        boolean isFiles = table.kind() == DataModel.Kind.REFERENCED && table.column("stored_name") != null;
        try (BufferedReader reader = reader(zip, entry)) {
            List<String> columns = header(reader, table.name());
            if (!matches(table, columns)) {
                throw refused("数据表 " + table.name() + " 的列与本系统不一致");
            }
            int[] types =
                    columns.stream().mapToInt(c -> table.column(c).sqlType()).toArray();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                index.put(columns.get(i), i);
            }
            String sql = "insert into " + table.name() + " (" + String.join(", ", columns) + ") values ("
                    + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
            long count = 0;
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                String line;
                int batch = 0;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode row = JSON.readTree(line);
                    if (!row.isArray() || row.size() != columns.size()) {
                        throw refused("数据表 " + table.name() + " 第 " + (count + 1) + " 行的列数不对");
                    }
                    for (int i = 0; i < types.length; i++) {
                        Values.bind(ps, i + 1, row.get(i), types[i]);
                    }
                    if (isFiles) {
                        storedFiles.add(new StoredFileRow(
                                Long.parseLong(row.get(index.get("id")).asString()),
                                row.get(index.get("stored_name")).asString(),
                                row.get(index.get("original_name")).asString()));
                    }
                    ps.addBatch();
                    count++;
                    if (++batch == BATCH) {
                        ps.executeBatch();
                        batch = 0;
                    }
                }
                if (batch > 0) {
                    ps.executeBatch();
                }
            }
            return count;
        }
    }

    private static List<String> header(BufferedReader reader, String table) throws IOException {
        List<String> columns = new ArrayList<>();
        try {
            String first = reader.readLine();
            JsonNode header = first == null ? null : JSON.readTree(first);
            if (header == null || !table.equals(text(header, "table")) || header.get("columns") == null) {
                throw refused("数据表 " + table + " 的数据缺少表头");
            }
            header.get("columns")
                    .forEach(c -> columns.add(String.valueOf(text(c, "name")).toLowerCase(Locale.ROOT)));
        } catch (RuntimeException e) {
            if (e instanceof BusinessRuleException) {
                throw e;
            }
            throw refused("数据表 " + table + " 的表头无法解析");
        }
        return columns;
    }

    private static BufferedReader reader(ZipFile zip, ZipEntry entry) throws IOException {
        return new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8));
    }
}
