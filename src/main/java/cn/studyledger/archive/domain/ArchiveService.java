package cn.studyledger.archive.domain;

import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.office.LedgerProvider;
import cn.studyledger.office.OfficeDocuments;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.plan.PlanApi;
import cn.studyledger.report.ReportApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The year's archive (ledgers, the records within the user's scope, their attachments, manifest) and the 年初报送 pack, both
 * streamed as ZIP.
 */
@Service
public class ArchiveService {

    static final String ZIP = "application/zip";

    private final OrgApi orgs;
    private final LedgerService ledgers;
    private final FileStore files;
    private final DataSource dataSource;
    private final TransactionTemplate readOnly;
    private final Flyway flyway;
    private final AuditLog audit;
    private final PlanApi plans;
    private final ReportApi reports;
    private final OfficeDocuments office;
    private final Clock clock;
    private final ArchiveDossier dossier;
    private final JsonMapper json = JsonMapper.builder().build();

    ArchiveService(
            OrgApi orgs,
            LedgerService ledgers,
            FileStore files,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            Flyway flyway,
            AuditLog audit,
            PlanApi plans,
            ReportApi reports,
            OfficeDocuments office,
            Clock clock,
            ArchiveDossier dossier) {
        this.clock = clock;
        this.dossier = dossier;
        this.orgs = orgs;
        this.ledgers = ledgers;
        this.files = files;
        this.dataSource = dataSource;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.flyway = flyway;
        this.audit = audit;
        this.plans = plans;
        this.reports = reports;
        this.office = office;
    }

    /** The year's archive of the organisation, for its clerk: checked and audited now, written while streaming. */
    @PreAuthorize("hasAuthority('" + Permissions.ARCHIVE_EXPORT + "')")
    public Download archive(String orgCode, int year) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        LedgerUser user = CurrentUser.require();
        audit.recordExport("年度归档", org.code() + "/" + year, org.name() + year + "年度归档（台账、数据、附件、学习档案专卷）");
        // the papers are written now, in the request's transaction, as the pack's are; the rest while streaming
        List<ArchiveDossier.Line> papers = dossier.lines(org, year, true);
        return new Download(org.name() + year + "年度学习归档.zip", ZIP, out -> writeArchive(org, year, user, papers, out));
    }

    /** The 年初报送 pack: the year's roster and approved plan, and the previous year's annual report. */
    @PreAuthorize("hasAuthority('" + Permissions.ARCHIVE_EXPORT + "')")
    public Download pack(String orgCode, int year) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        List<String> notes = new ArrayList<>();
        Map<String, byte[]> parts = new LinkedHashMap<>();
        List<GroupMember> group = orgs.group(org.id(), year);
        if (group.isEmpty()) {
            notes.add(year + "年度中心组尚未配备成员，名册为空。");
        }
        parts.put("1-" + year + "年度中心组成员名册.xlsx", office.memberList(group));
        Optional<byte[]> plan = plans.planDocx(orgCode, year);
        if (plan.isPresent()) {
            parts.put("2-" + year + "年度学习计划.docx", plan.get());
        } else {
            notes.add(year + "年度学习计划尚未经组长审定，未附计划。");
        }
        parts.put("3-" + (year - 1) + "年度学习情况报告.docx", reports.annualReportDocx(orgCode, year - 1));
        StringBuilder readme = new StringBuilder(org.name() + year + "年初报送材料\r\n\r\n");
        parts.keySet().forEach(name -> readme.append("· ").append(name).append("\r\n"));
        if (!notes.isEmpty()) {
            readme.append("\r\n缺项说明：\r\n");
            notes.forEach(note -> readme.append("· ").append(note).append("\r\n"));
        }
        parts.put("说明.txt", readme.toString().getBytes(StandardCharsets.UTF_8));
        audit.recordExport("年初报送", org.code() + "/" + year, org.name() + year + "年初报送材料");
        return new Download(org.name() + year + "年初报送材料.zip", ZIP, out -> {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    String schemaVersion() {
        return flyway.info().current().getVersion().getVersion();
    }

    private record Entry(String name, long size, String sha256) {}

    private record FileRef(long id, String originalName) {}

    private void writeArchive(OrgRef org, int year, LedgerUser user, List<ArchiveDossier.Line> papers, OutputStream out)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        for (LedgerProvider provider : ledgers.providers()) {
            entries.add(entry(
                    zip, "ledgers/" + provider.key() + ".xlsx", s -> ledgers.write(provider, org.code(), year, s)));
        }
        for (ArchiveDossier.Line paper : papers) {
            if (paper.content() != null) {
                entries.add(entry(zip, paper.entry(), s -> s.write(paper.content())));
            }
        }
        byte[] catalogue = dossier.catalogue(org, year, papers);
        entries.add(entry(zip, ArchiveFormat.CATALOGUE, s -> s.write(catalogue)));
        List<String> tables = new ArrayList<>();
        List<String> scopeCodes = new ArrayList<>();
        List<FileRef> stored = new ArrayList<>();
        readOnly.executeWithoutResult(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                DataModel model = DataModel.read(connection);
                Map<Long, String> scope = scope(connection, org, user);
                scopeCodes.addAll(scope.values());
                Map<String, String> selection = model.selection(connection, join(scope.keySet()));
                for (DataModel.Table table : model.tables()) {
                    tables.add(table.name());
                    String where = selection.get(table.name());
                    entries.add(entry(
                            zip,
                            ArchiveFormat.dataEntry(table.name()),
                            s -> dump(connection, table, where, s, stored)));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("读取数据失败：" + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
        List<String> missing = new ArrayList<>();
        for (FileRef file : stored) {
            InputStream content;
            try {
                content = files.open(file.id());
            } catch (RuntimeException gone) {
                missing.add(ArchiveFormat.fileEntry(file.id(), file.originalName()));
                continue;
            }
            try (InputStream in = content) {
                entries.add(entry(zip, ArchiveFormat.fileEntry(file.id(), file.originalName()), in::transferTo));
            }
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", ArchiveFormat.FORMAT);
        manifest.put("formatVersion", ArchiveFormat.VERSION);
        manifest.put("schemaVersion", schemaVersion());
        manifest.put("orgCode", org.code());
        manifest.put("orgName", org.name());
        manifest.put("year", year);
        manifest.put("createdAt", LocalDateTime.now(clock).toString());
        manifest.put("createdBy", user.getUsername());
        manifest.put("dataScope", ArchiveFormat.DATA_SCOPE);
        manifest.put("scope", scopeCodes);
        manifest.put("tables", tables);
        manifest.put("missingFiles", missing);
        manifest.put(
                "entries",
                entries.stream()
                        .map(e -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("name", e.name());
                            m.put("size", e.size());
                            m.put("sha256", e.sha256());
                            return m;
                        })
                        .toList());
        zip.putNextEntry(new ZipEntry(ArchiveFormat.MANIFEST));
        zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.finish();
    }

    @FunctionalInterface
    private interface EntryWriter {
        void write(OutputStream out) throws IOException;
    }

    private static Entry entry(ZipOutputStream zip, String name, EntryWriter writer) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            ArchiveFormat.EntryStream stream = new ArchiveFormat.EntryStream(zip);
            writer.write(stream);
            stream.flush();
            zip.closeEntry();
            return new Entry(name, stream.size(), stream.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The organisations whose records the archive holds, by id with their codes: those of the organisation's
     * subtree that the user reaches with a role that may export the archive (a clerk's role covers its own
     * organisation only, so a clerk of X局 does not archive the records of X局's units).
     */
    static Map<Long, String> scope(Connection connection, OrgRef org, LedgerUser user) throws SQLException {
        Map<Long, String> scope = new LinkedHashMap<>();
        try (PreparedStatement ps =
                connection.prepareStatement("select id, code, path from org_unit where path like ? order by path")) {
            ps.setString(1, org.path() + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String path = rs.getString("path");
                    boolean reached = user.grants().stream()
                            .anyMatch(
                                    g -> g.role().permissions().contains(Permissions.ARCHIVE_EXPORT) && g.covers(path));
                    if (reached) {
                        scope.put(rs.getLong("id"), rs.getString("code"));
                    }
                }
            }
        }
        if (scope.isEmpty()) {
            throw new IllegalStateException("归档范围为空：" + org.code());
        }
        return scope;
    }

    private static String join(java.util.Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private void dump(
            Connection connection, DataModel.Table table, String where, OutputStream out, List<FileRef> stored)
            throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("table", table.name());
        header.put(
                "columns",
                table.columns().stream()
                        .map(c -> Map.of(
                                "name",
                                c.name(),
                                "type",
                                java.sql.JDBCType.valueOf(c.sqlType()).getName()))
                        .toList());
        out.write(json.writeValueAsBytes(header));
        out.write('\n');
        String columns = table.columns().stream().map(DataModel.Column::name).collect(Collectors.joining(", "));
        String order = table.primaryKey().isEmpty() ? columns : String.join(", ", table.primaryKey());
        boolean isFiles = table.columns().stream().anyMatch(c -> c.name().equals("stored_name"))
                && table.kind() == DataModel.Kind.REFERENCED;
        try (PreparedStatement ps = connection.prepareStatement(
                "select " + columns + " from " + table.name() + " where " + where + " order by " + order)) {
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(table.columns().size());
                    for (int i = 0; i < table.columns().size(); i++) {
                        row.add(Values.read(rs, i + 1, table.columns().get(i).sqlType()));
                    }
                    if (isFiles) {
                        stored.add(new FileRef(rs.getLong("id"), rs.getString("original_name")));
                    }
                    out.write(json.writeValueAsBytes(row));
                    out.write('\n');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("读取数据表 " + table.name() + " 失败：" + e.getMessage(), e);
        }
    }
}
