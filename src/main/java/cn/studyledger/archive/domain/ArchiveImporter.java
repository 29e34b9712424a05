package cn.studyledger.archive.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.jdbc.DerivedTable;
import cn.studyledger.common.jdbc.Identities;
import cn.studyledger.common.security.Permissions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * Restores a year's archive into an empty installation: everything is checked before anything is written
 * ({@link ArchiveCheck}), then, within one transaction, the installation is emptied ({@link EmptyInstallation}),
 * the rows go in parents first ({@link DataEntries}), the {@link DerivedTable}s are rebuilt from them and the
 * attachments are staged; any failure rolls everything back. The identity sequences continue after the largest restored id.
 */
@Service
public class ArchiveImporter {

    /** What was restored. */
    public record ImportResult(String orgCode, int year, int tables, long rows, int files) {}

    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final ArchiveCheck check;
    private final FileStore files;
    private final AuditLog audit;
    private final List<DerivedTable> derived;

    ArchiveImporter(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            ArchiveCheck check,
            FileStore files,
            AuditLog audit,
            List<DerivedTable> derived) {
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.check = check;
        this.files = files;
        this.audit = audit;
        this.derived = derived;
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
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
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
            JsonNode manifest = check.manifest(zip);
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

    private ImportResult restore(ZipFile zip, JsonNode manifest) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            DataModel model = DataModel.read(connection);
            List<String> tables = check.tables(zip, manifest, model);
            EmptyInstallation.Administrators admins = EmptyInstallation.requireEmpty(connection, model);
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
                List<DataEntries.StoredFileRow> storedFiles = new ArrayList<>();
                rows += DataEntries.insert(connection, zip, entry, table, storedFiles);
                restoredFiles += restoreFiles(zip, storedFiles, missing);
            }
            // the summaries kept from the restored records (never archived) are computed from them
            derived.forEach(DerivedTable::rebuild);
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
     * Stages the files of the restored stored-file rows (moved into the files folder after the commit); a file the
     * manifest lists as missing at export is skipped, any other absent one refuses the archive.
     */
    private int restoreFiles(ZipFile zip, List<DataEntries.StoredFileRow> storedFiles, Set<String> missing)
            throws IOException {
        int restored = 0;
        for (DataEntries.StoredFileRow file : storedFiles) {
            String name = ArchiveFormat.fileEntry(file.id(), file.originalName());
            ZipEntry content = zip.getEntry(name);
            if (content == null) {
                if (missing.contains(name)) {
                    continue;
                }
                throw refused("归档中缺少附件 " + name);
            }
            try (InputStream in = zip.getInputStream(content)) {
                files.restore(file.storedName(), in);
            }
            restored++;
        }
        return restored;
    }

    /** New rows after the import must not collide with restored ids: identities continue after the largest. */
    private static void resetIdentities(Connection connection, DataModel model) throws SQLException {
        List<String> tables = new ArrayList<>(model.tables().stream()
                .filter(DataModel.Table::identity)
                .map(DataModel.Table::name)
                .toList());
        // the administrators were put back under their own ids
        tables.add(ArchiveCatalogue.ACCOUNT);
        Identities.continueAfterLargest(connection, tables);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static BusinessRuleException refused(String message) {
        return new BusinessRuleException("归档未导入：" + message);
    }
}
