package cn.studyledger.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading, checking and tampering with a year archive in tests (the security suite uses it too). */
public final class ArchiveContents {

    /** Tables no year archive may carry: accounts, grants, the audit trail, sessions and locks. */
    public static final List<String> NEVER_ARCHIVED = List.of(
            "org_account",
            "org_role_grant",
            "common_audit_event",
            "flyway_schema_history",
            "spring_session",
            "spring_session_attributes",
            "shedlock");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ArchiveContents() {}

    public static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    public static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The columns of a table's data entry, as its header line names them. */
    public static List<String> columns(Map<String, byte[]> entries, String table) throws Exception {
        byte[] data = entries.get("data/" + table + ".jsonl");
        List<String> columns = new ArrayList<>();
        JSON.readTree(new String(data, StandardCharsets.UTF_8)
                        .lines()
                        .findFirst()
                        .orElseThrow())
                .get("columns")
                .forEach(c -> columns.add(c.get("name").asString()));
        return columns;
    }

    /** The rows of a table's data entry, each as column name → JSON value. */
    public static List<Map<String, JsonNode>> rows(Map<String, byte[]> entries, String table) throws Exception {
        List<String> columns = columns(entries, table);
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        List<String> lines = new String(entries.get("data/" + table + ".jsonl"), StandardCharsets.UTF_8)
                .lines()
                .skip(1)
                .filter(l -> !l.isBlank())
                .toList();
        for (String line : lines) {
            JsonNode values = JSON.readTree(line);
            Map<String, JsonNode> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), values.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The tables the manifest lists. */
    public static List<String> tables(Map<String, byte[]> entries) throws Exception {
        List<String> tables = new ArrayList<>();
        JSON.readTree(entries.get("manifest.json")).get("tables").forEach(t -> tables.add(t.asString()));
        return tables;
    }

    /**
     * No account, grant, password hash or check-in key anywhere in the archive: not as a table, not as a column,
     * not as a value in any entry (the ledgers' .xlsx opened as well), whatever the installation's hashes are.
     */
    public static void assertNoCredentials(Map<String, byte[]> entries, JdbcClient jdbc) throws Exception {
        assertThat(tables(entries)).doesNotContainAnyElementsOf(NEVER_ARCHIVED);
        for (String table : NEVER_ARCHIVED) {
            assertThat(entries).doesNotContainKey("data/" + table + ".jsonl");
        }
        assertThat(columns(entries, "session_study_session"))
                .contains("title", "org_id")
                .doesNotContain("checkin_secret");
        String text = text(entries);
        assertThat(text).doesNotContain("$2a$", "$2b$", "$2y$", "{bcrypt}", "{noop}");
        List<String> hashes = jdbc.sql("select password_hash from org_account")
                .query(String.class)
                .list();
        List<String> secrets = jdbc.sql(
                        "select checkin_secret from session_study_session where checkin_secret is not null")
                .query(String.class)
                .list();
        assertThat(hashes).isNotEmpty();
        assertThat(secrets).as("the demo's sessions have check-in keys to leak").isNotEmpty();
        for (String value : hashes) {
            assertThat(text).doesNotContain(value);
        }
        for (String value : secrets) {
            assertThat(text).doesNotContain(value);
        }
    }

    /** Every entry as text, with the parts of nested Office files (.xlsx, .docx are ZIPs) unpacked too. */
    public static String text(Map<String, byte[]> entries) throws Exception {
        StringBuilder all = new StringBuilder();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            byte[] bytes = e.getValue();
            if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K') {
                all.append(text(unzipWithCentralDirectory(bytes)));
            } else {
                all.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }

    /** A nested Office file read by its central directory (its local headers may leave the sizes at 0). */
    private static Map<String, byte[]> unzipWithCentralDirectory(byte[] zip) throws Exception {
        Path temp = Files.createTempFile("archive-part-", ".zip");
        try {
            Files.write(temp, zip);
            Map<String, byte[]> entries = new LinkedHashMap<>();
            try (ZipFile file = new ZipFile(temp.toFile(), StandardCharsets.UTF_8)) {
                for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                    try (var in = file.getInputStream(entry)) {
                        entries.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
            return entries;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The archive with a data entry added (and, if {@code listed}, its table added to the manifest's tables), and
     * the manifest's sizes and checksums recomputed for every entry, as an attacker who read the format would.
     */
    public static byte[] planted(Map<String, byte[]> original, String table, String data, boolean listed)
            throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(original);
        entries.put("data/" + table + ".jsonl", data.getBytes(StandardCharsets.UTF_8));
        ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get("manifest.json"));
        if (listed) {
            ((ArrayNode) manifest.get("tables")).add(table);
        }
        return resigned(entries, manifest);
    }

    /** The archive with its manifest's entry list recomputed (sizes and SHA-256) for the entries as they are. */
    public static byte[] resigned(Map<String, byte[]> original, ObjectNode manifest) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>(original);
        ArrayNode list = manifest.putArray("entries");
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().equals("manifest.json")) {
                continue;
            }
            ObjectNode item = list.addObject();
            item.put("name", e.getKey());
            item.put("size", e.getValue().length);
            item.put(
                    "sha256",
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(e.getValue())));
        }
        entries.put("manifest.json", JSON.writeValueAsBytes(manifest));
        return zip(entries);
    }

    /** A row of {@code org_account} for a planted SYS_ADMIN + AUDITOR, in the archive's JSON lines format. */
    public static String plantedAccount() {
        return """
                {"table":"org_account","columns":[{"name":"id","type":"BIGINT"},{"name":"username","type":"VARCHAR"},\
                {"name":"password_hash","type":"VARCHAR"},{"name":"org_id","type":"BIGINT"},{"name":"enabled","type":"BOOLEAN"}]}
                [9001,"planted","$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z9P5Z8rDQ2Y5wdtSFA1oU7bK",1,true]
                """;
    }

    /** The planted account's roles. */
    public static String plantedGrants() {
        return """
                {"table":"org_role_grant","columns":[{"name":"account_id","type":"BIGINT"},{"name":"role","type":"VARCHAR"},\
                {"name":"org_id","type":"BIGINT"}]}
                [9001,"SYS_ADMIN",1]
                [9001,"AUDITOR",1]
                """;
    }

    static JsonNode manifest(Map<String, byte[]> entries) throws Exception {
        return JSON.readTree(entries.get("manifest.json"));
    }
}
