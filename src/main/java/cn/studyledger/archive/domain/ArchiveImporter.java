package cn.studyledger.archive.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.jdbc.Identities;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Restores a year's archive into an empty installation: everything is checked before anything is written, then
 * all rows go in within one transaction and the attachments are copied; any failure rolls everything back.
 */
@Service
public class ArchiveImporter {

    /** What was restored. */
    public record ImportResult(String orgCode, int year, int tables, long rows, int files) {}

    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final ArchiveService archives;
    private final FileStore files;
    private final AuditLog audit;
    private final JsonMapper json = JsonMapper.builder().build();
    private final int maxEntries;
    private final long maxTotal;
    private final long maxRatio;
    private final long maxManifest;

    ArchiveImporter(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            ArchiveService archives,
            FileStore files,
            AuditLog audit,
            @Value("${ledger.archive.max-entries:100000}") int maxEntries,
            @Value("${ledger.archive.max-total-size:4GB}") DataSize maxTotal,
            @Value("${ledger.archive.max-ratio:100}") long maxRatio) {
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.archives = archives;
        this.files = files;
        this.audit = audit;
        this.maxEntries = maxEntries;
        this.maxTotal = maxTotal.toBytes();
        this.maxRatio = maxRatio;
        this.maxManifest = 64L * 1024 * 1024;
    }

    @PreAuthorize("hasAuthority('" + Permissions.ARCHIVE_IMPORT + "')")
    public ImportResult importArchive(MultipartFile upload) {
        if (upload == null || upload.isEmpty()) {
            throw new BusinessRuleException("请选择要导入的归档文件（.zip）");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile("archive-import-", ".zip");
            try (InputStream in = upload.getInputStream()) {
                Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return importArchive(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temp file of the system's temp folder; the OS cleans it up
                }
            }
        }
    }

    private ImportResult importArchive(Path path) {
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw refused("文件不是有效的 ZIP 归档");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (zip) {
            JsonNode manifest = validate(zip);
            ImportResult result = transaction.execute(status -> restore(zip, manifest));
            // after the commit: on H2 the identity restart is DDL, which would commit a transaction on its own
            transaction.executeWithoutResult(status -> {
                Connection connection = DataSourceUtils.getConnection(dataSource);
                try {
                    resetIdentities(connection, DataModel.read(connection));
                } catch (SQLException e) {
                    throw new IllegalStateException("导入后重置编号序列失败：" + e.getMessage(), e);
                } finally {
                    DataSourceUtils.releaseConnection(connection, dataSource);
                }
            });
            return result;
        } catch (IOException e) {
            throw refused("归档无法读取：" + e.getMessage());
        }
    }

    /** Everything that can be checked without writing: format, version, names, limits, sizes and checksums. */
    private JsonNode validate(ZipFile zip) throws IOException {
        if (zip.size() > maxEntries) {
            throw refused("归档中的条目过多（超过 " + maxEntries + " 个）");
        }
        Map<String, ZipEntry> entries = new LinkedHashMap<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            if (entry.isDirectory()) {
                continue;
            }
            if (!ArchiveFormat.safeEntryName(entry.getName())) {
                throw refused("归档中含有不安全或不认识的条目名：" + entry.getName());
            }
            if (entries.put(entry.getName(), entry) != null) {
                throw refused("归档中有重复的条目：" + entry.getName());
            }
        }
        ZipEntry manifestEntry = entries.remove(ArchiveFormat.MANIFEST);
        if (manifestEntry == null) {
            throw refused("归档中缺少清单 manifest.json，不是本系统导出的年度归档");
        }
        JsonNode manifest;
        try (InputStream in = limited(zip, manifestEntry, maxManifest)) {
            manifest = json.readTree(in);
        } catch (RuntimeException e) {
            throw refused("清单 manifest.json 无法解析");
        }
        if (!ArchiveFormat.FORMAT.equals(text(manifest, "format"))
                || manifest.get("formatVersion") == null
                || manifest.get("formatVersion").asInt() != ArchiveFormat.VERSION) {
            throw refused("清单不是本系统的年度归档格式（" + ArchiveFormat.FORMAT + " 第 " + ArchiveFormat.VERSION + " 版）");
        }
        String schema = text(manifest, "schemaVersion");
        if (!archives.schemaVersion().equals(schema)) {
            throw refused("归档的数据库版本（" + schema + "）与本系统（" + archives.schemaVersion() + "）不一致，不能导入");
        }
        JsonNode listed = manifest.get("entries");
        if (listed == null || !listed.isArray()) {
            throw refused("清单中没有条目列表");
        }
        Set<String> names = new HashSet<>();
        long total = 0;
        for (JsonNode item : listed) {
            String name = text(item, "name");
            ZipEntry entry = name == null ? null : entries.get(name);
            if (entry == null) {
                throw refused("清单列出的条目在归档中不存在：" + name);
            }
            names.add(name);
            long size = item.get("size") == null ? -1 : item.get("size").asLong();
            total += Math.max(size, 0);
            if (total > maxTotal) {
                throw refused("归档解压后的总大小超过上限");
            }
            MessageDigest sha = ArchiveFormat.sha256();
            long read = 0;
            try (InputStream in = limited(zip, entry, size)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    sha.update(buffer, 0, n);
                    read += n;
                }
            }
            if (read != size || !HexFormat.of().formatHex(sha.digest()).equals(text(item, "sha256"))) {
                throw refused("条目 " + name + " 的大小或校验值（SHA-256）与清单不符，归档已损坏或被改动");
            }
        }
        for (String name : entries.keySet()) {
            if (!names.contains(name)) {
                throw refused("归档中有清单未列出的条目：" + name);
            }
        }
        return manifest;
    }

    /**
     * The entry's bytes, refused as soon as they exceed the expected size or the compression ratio limit (a ZIP
     * bomb expands far beyond its compressed size).
     */
    private InputStream limited(ZipFile zip, ZipEntry entry, long expected) throws IOException {
        long compressed = Math.max(entry.getCompressedSize(), 1);
        long ratioLimit = Math.max(compressed * maxRatio, 1024 * 1024);
        long limit = Math.min(expected < 0 ? maxTotal : expected + 1, ratioLimit);
        InputStream in = zip.getInputStream(entry);
        return new java.io.FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n == -1 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count += n;
                    if (count > limit) {
                        if (count > ratioLimit) {
                            throw refused("条目 " + entry.getName() + " 的压缩比异常（疑似压缩炸弹），拒绝导入");
                        }
                        throw refused("条目 " + entry.getName() + " 的大小与清单不符，归档已损坏或被改动");
                    }
                }
                return n;
            }
        };
    }

    private ImportResult restore(ZipFile zip, JsonNode manifest) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            DataModel model = DataModel.read(connection);
            List<String> tables = checkData(zip, manifest, model);
            Administrators admins = requireEmpty(connection, model);
            long rows = 0;
            int restoredFiles = 0;
            Set<String> missing = new HashSet<>();
            JsonNode missingNode = manifest.get("missingFiles");
            if (missingNode != null) {
                missingNode.forEach(m -> missing.add(m.asString()));
            }
            for (DataModel.Table table : model.tables()) {
                if (!tables.contains(table.name())) {
                    continue;
                }
                ZipEntry entry = zip.getEntry(ArchiveFormat.dataEntry(table.name()));
                if (entry == null) {
                    throw refused("归档中缺少数据表 " + table.name() + " 的数据");
                }
                List<String[]> fileNames = new ArrayList<>();
                rows += insert(connection, zip, entry, table, fileNames);
                if (!fileNames.isEmpty()) {
                    for (String[] file : fileNames) {
                        String name = ArchiveFormat.fileEntry(Long.parseLong(file[0]), file[2]);
                        ZipEntry content = zip.getEntry(name);
                        if (content == null) {
                            if (missing.contains(name)) {
                                continue;
                            }
                            throw refused("归档中缺少附件 " + name);
                        }
                        try (InputStream in = zip.getInputStream(content)) {
                            files.restore(file[1], in);
                        }
                        restoredFiles++;
                    }
                }
            }
            String orgCode = text(manifest, "orgCode");
            admins.restoreAt(connection, orgCode);
            int year = manifest.get("year").asInt();
            audit.record(
                    AuditAction.CREATE,
                    "年度归档导入",
                    orgCode + "/" + year,
                    "导入" + text(manifest, "orgName") + year + "年度归档：" + tables.size() + " 张数据表、" + rows + " 行、"
                            + restoredFiles + " 个附件");
            return new ImportResult(orgCode, year, tables.size(), rows, restoredFiles);
        } catch (SQLException e) {
            throw refused("写入数据失败，已全部撤销：" + e.getMessage());
        } catch (IOException e) {
            throw refused("读取归档失败，已全部撤销：" + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof BusinessRuleException) {
                throw e;
            }
            throw refused("归档数据无法导入，已全部撤销：" + e.getMessage());
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Refuses, before anything is written, an archive carrying anything but the organisation's records: a table
     * that is not archived (accounts, role grants, the audit trail, a table this system does not know), a data
     * entry the manifest does not list as a table, a secret column (check-in keys, credentials) or any column
     * the archived table does not have. An archive whose checksums were recomputed after planting an account is
     * refused here. Returns the archived tables in the manifest's order.
     */
    private List<String> checkData(ZipFile zip, JsonNode manifest, DataModel model) throws IOException {
        JsonNode listed = manifest.get("tables");
        if (listed == null || !listed.isArray()) {
            throw refused("清单中没有数据表列表");
        }
        List<String> tables = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        for (JsonNode t : listed) {
            String table = t.asString();
            if (tables.contains(table)) {
                throw refused("清单中的数据表重复：" + table);
            }
            tables.add(table);
            if (model.table(table) == null) {
                foreign.add(table);
            }
        }
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            String name = all.nextElement().getName();
            if (name.startsWith("data/")
                    && tables.stream().noneMatch(t -> ArchiveFormat.dataEntry(t).equals(name))) {
                foreign.add(name);
            }
        }
        if (!foreign.isEmpty()) {
            throw refused("归档中含有年度归档不包含的数据：" + String.join("、", foreign) + "（年度归档只含组织的台账记录，账号、角色授权、口令、审计日志等不能导入）");
        }
        for (String table : tables) {
            DataModel.Table target = model.table(table);
            ZipEntry entry = zip.getEntry(ArchiveFormat.dataEntry(table));
            if (entry == null) {
                throw refused("归档中缺少数据表 " + table + " 的数据");
            }
            List<String> columns = new ArrayList<>();
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
                String first = reader.readLine();
                JsonNode header = first == null ? null : json.readTree(first);
                if (header == null || !table.equals(text(header, "table")) || header.get("columns") == null) {
                    throw refused("数据表 " + table + " 的数据缺少表头");
                }
                header.get("columns")
                        .forEach(
                                c -> columns.add(String.valueOf(text(c, "name")).toLowerCase(Locale.ROOT)));
            } catch (RuntimeException e) {
                if (e instanceof BusinessRuleException) {
                    throw e;
                }
                throw refused("数据表 " + table + " 的表头无法解析");
            }
            List<String> secret = columns.stream()
                    .filter(c -> target.isSecret(c) || DataModel.secret(table, c))
                    .toList();
            if (!secret.isEmpty()) {
                throw refused("数据表 " + table + " 含有不归档的保密字段：" + String.join("、", secret));
            }
            Set<String> expected =
                    target.columns().stream().map(DataModel.Column::name).collect(Collectors.toSet());
            if (!expected.equals(new HashSet<>(columns)) || columns.size() != expected.size()) {
                throw refused("数据表 " + table + " 的列与本系统不一致");
            }
        }
        return tables;
    }

    /** The accounts of the empty installation (administrators only) and their grants, kept across the import. */
    private record Administrators(List<Map<String, Object>> accounts, List<Map<String, Object>> grants) {

        /** Puts the administrators back, placed at the archived organisation (their roles reach its subtree). */
        void restoreAt(Connection connection, String orgCode) throws SQLException {
            long orgId;
            try (PreparedStatement ps = connection.prepareStatement("select id from org_unit where code = ?")) {
                ps.setString(1, orgCode);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw refused("归档中没有组织 " + orgCode);
                    }
                    orgId = rs.getLong(1);
                }
            }
            for (Map<String, Object> account : accounts) {
                Map<String, Object> row = new LinkedHashMap<>(account);
                row.put("org_id", orgId);
                insertRow(connection, DataModel.ACCOUNT, row);
            }
            for (Map<String, Object> grant : grants) {
                Map<String, Object> row = new LinkedHashMap<>(grant);
                row.put("org_id", orgId);
                insertRow(connection, DataModel.ROLE_GRANT, row);
            }
        }
    }

    /** Roles the first start of an installation gives its administrators; no other account may exist. */
    private static final Set<String> ADMINISTRATOR_ROLES =
            Set.of(Role.SYS_ADMIN.name(), Role.SEC_ADMIN.name(), Role.AUDITOR.name());

    /**
     * Refuses unless the installation holds no organisation's data. A fresh installation may hold what the first
     * start creates: one organisation and administrator accounts (no person, administrator roles only). Those
     * are taken out (and returned, so the administrators can be put back) to make room for the archive's tree.
     */
    private Administrators requireEmpty(Connection connection, DataModel model) throws SQLException {
        for (DataModel.Table table : model.tables()) {
            String name = table.name();
            if (!name.equals(DataModel.ORG_UNIT) && count(connection, "select count(*) from " + name) > 0) {
                throw refused("本系统中已有数据（" + name + "），只能导入到空的系统中");
            }
        }
        String roles = ADMINISTRATOR_ROLES.stream().map(r -> "'" + r + "'").collect(Collectors.joining(", "));
        if (count(connection, "select count(*) from " + DataModel.ORG_UNIT) > 1
                || count(connection, "select count(*) from " + DataModel.ACCOUNT + " where person_id is not null") > 0
                || count(
                                connection,
                                "select count(*) from " + DataModel.ROLE_GRANT + " where role not in (" + roles + ")")
                        > 0) {
            throw refused("本系统中已有组织、人员或账号数据，只能导入到空的系统中");
        }
        Administrators admins = new Administrators(
                rows(connection, "select * from " + DataModel.ACCOUNT + " order by id"),
                rows(connection, "select * from " + DataModel.ROLE_GRANT + " order by account_id, role"));
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("delete from " + DataModel.ROLE_GRANT);
            s.executeUpdate("delete from " + DataModel.ACCOUNT);
            s.executeUpdate("delete from " + DataModel.ORG_UNIT);
        }
        return admins;
    }

    private static List<Map<String, Object>> rows(Connection connection, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void insertRow(Connection connection, String table, Map<String, Object> row) throws SQLException {
        String columns = String.join(", ", row.keySet());
        String marks = row.keySet().stream().map(k -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement ps =
                connection.prepareStatement("insert into " + table + " (" + columns + ") values (" + marks + ")")) {
            int i = 1;
            for (Object value : row.values()) {
                ps.setObject(i++, value);
            }
            ps.executeUpdate();
        }
    }

    private long insert(
            Connection connection, ZipFile zip, ZipEntry entry, DataModel.Table table, List<String[]> fileNames)
            throws IOException, SQLException {
        boolean isFiles = table.kind() == DataModel.Kind.REFERENCED && table.column("stored_name") != null;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            JsonNode header = first == null ? null : json.readTree(first);
            if (header == null || !table.name().equals(text(header, "table"))) {
                throw refused("数据表 " + table.name() + " 的数据缺少表头");
            }
            List<String> columns = new ArrayList<>();
            header.get("columns").forEach(c -> columns.add(text(c, "name").toLowerCase(Locale.ROOT)));
            Set<String> target =
                    table.columns().stream().map(DataModel.Column::name).collect(Collectors.toSet());
            if (!target.equals(new HashSet<>(columns)) || columns.size() != target.size()) {
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
                    JsonNode row = json.readTree(line);
                    if (!row.isArray() || row.size() != columns.size()) {
                        throw refused("数据表 " + table.name() + " 第 " + (count + 1) + " 行的列数不对");
                    }
                    for (int i = 0; i < types.length; i++) {
                        Values.bind(ps, i + 1, row.get(i), types[i]);
                    }
                    if (isFiles) {
                        fileNames.add(new String[] {
                            row.get(index.get("id")).asString(),
                            row.get(index.get("stored_name")).asString(),
                            row.get(index.get("original_name")).asString()
                        });
                    }
                    ps.addBatch();
                    count++;
                    if (++batch == 500) {
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

    /** New rows after the import must not collide with restored ids: identities continue after the largest. */
    private static void resetIdentities(Connection connection, DataModel model) throws SQLException {
        List<String> tables = new ArrayList<>(model.tables().stream()
                .filter(DataModel.Table::identity)
                .map(DataModel.Table::name)
                .toList());
        // the administrators were put back under their own ids
        tables.add(DataModel.ACCOUNT);
        Identities.continueAfterLargest(connection, tables);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static BusinessRuleException refused(String message) {
        return new BusinessRuleException("归档未导入：" + message);
    }
}
