package cn.studyledger.archive.domain;

import static cn.studyledger.archive.domain.ArchiveImporter.refused;
import static cn.studyledger.archive.domain.ArchiveImporter.text;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What is checked of an archive before anything is written: a ZIP with safe entry names within the limits on
 * entries, total size and compression ratio; a manifest of this format and schema version listing every entry
 * with its size and SHA-256 and nothing unlisted; and data of archived tables only, without secret columns and
 * with exactly the columns of this system.
 */
@Component
class ArchiveCheck {

    private final ArchiveService archives;
    private final JsonMapper json = JsonMapper.builder().build();
    private final int maxEntries;
    private final long maxTotal;
    private final long maxRatio;
    private final long maxManifest;

    ArchiveCheck(
            ArchiveService archives,
            @Value("${ledger.archive.max-entries:100000}") int maxEntries,
            @Value("${ledger.archive.max-total-size:4GB}") DataSize maxTotal,
            @Value("${ledger.archive.max-ratio:100}") long maxRatio) {
        this.archives = archives;
        this.maxEntries = maxEntries;
        this.maxTotal = maxTotal.toBytes();
        this.maxRatio = maxRatio;
        this.maxManifest = 64L * 1024 * 1024;
    }

    /** Everything that can be checked without writing: format, version, names, limits, sizes and checksums. */
    JsonNode manifest(ZipFile zip) throws IOException {
        Map<String, ZipEntry> entries = entries(zip);
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
        checkListed(zip, entries, listed);
        return manifest;
    }

    /** The files of the ZIP by name, each name safe and only once, within the limit on entries. */
    private Map<String, ZipEntry> entries(ZipFile zip) {
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
        return entries;
    }

    /**
     * Every entry the manifest lists is there with its size and SHA-256, within the limit on the total size, and
     * the archive holds nothing else.
     */
    private void checkListed(ZipFile zip, Map<String, ZipEntry> entries, JsonNode listed) throws IOException {
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
        return new FilterInputStream(in) {
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

    /**
     * Refuses, before anything is written, an archive carrying anything but the organisation's records: a table
     * that is not archived (accounts, role grants, the audit trail, a table this system does not know), a data
     * entry the manifest does not list as a table, a secret column (check-in keys, credentials) or any column
     * the archived table does not have. An archive whose checksums were recomputed after planting an account is
     * refused here. Returns the archived tables in the manifest's order.
     */
    List<String> tables(ZipFile zip, JsonNode manifest, DataModel model) throws IOException {
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
            List<String> columns = DataEntries.columns(zip, entry, table);
            List<String> secret = columns.stream()
                    .filter(c -> target.isSecret(c) || ArchiveCatalogue.secret(table, c))
                    .toList();
            if (!secret.isEmpty()) {
                throw refused("数据表 " + table + " 含有不归档的保密字段：" + String.join("、", secret));
            }
            if (!DataEntries.matches(target, columns)) {
                throw refused("数据表 " + table + " 的列与本系统不一致");
            }
        }
        return tables;
    }
}
