package cn.studyledger.archive.domain;

import static cn.studyledger.archive.domain.ArchiveImporter.refused;

import cn.studyledger.common.security.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The installation an archive is restored into, which must hold no organisation's data: at most what its first
 * start creates (one organisation and administrator accounts with administrator roles only). Those make way for
 * the archive's tree and the administrators are put back at the archived organisation.
 */
final class EmptyInstallation {

    /** Roles the first start of an installation gives its administrators; no other account may exist. */
    private static final Set<String> ADMINISTRATOR_ROLES =
            Set.of(Role.SYS_ADMIN.name(), Role.SEC_ADMIN.name(), Role.AUDITOR.name());

    private EmptyInstallation() {}

    /** The accounts of the empty installation (administrators only) and their grants, kept across the import. */
    record Administrators(List<Map<String, Object>> accounts, List<Map<String, Object>> grants) {

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
                insertRow(connection, ArchiveCatalogue.ACCOUNT, row);
            }
            for (Map<String, Object> grant : grants) {
                Map<String, Object> row = new LinkedHashMap<>(grant);
                row.put("org_id", orgId);
                insertRow(connection, ArchiveCatalogue.ROLE_GRANT, row);
            }
        }
    }

    /**
     * Refuses unless the installation holds no organisation's data. A fresh installation may hold what the first
     * start creates: one organisation and administrator accounts (no person, administrator roles only). Those
     * are taken out (and returned, so the administrators can be put back) to make room for the archive's tree.
     */
    static Administrators requireEmpty(Connection connection, DataModel model) throws SQLException {
        for (DataModel.Table table : model.tables()) {
            String name = table.name();
            if (!name.equals(ArchiveCatalogue.ORG_UNIT) && count(connection, "select count(*) from " + name) > 0) {
                throw refused("本系统中已有数据（" + name + "），只能导入到空的系统中");
            }
        }
        String roles = ADMINISTRATOR_ROLES.stream().map(r -> "'" + r + "'").collect(Collectors.joining(", "));
        if (count(connection, "select count(*) from " + ArchiveCatalogue.ORG_UNIT) > 1
                || count(
                                connection,
                                "select count(*) from " + ArchiveCatalogue.ACCOUNT + " where person_id is not null")
                        > 0
                || count(
                                connection,
                                "select count(*) from " + ArchiveCatalogue.ROLE_GRANT + " where role not in (" + roles
                                        + ")")
                        > 0) {
            throw refused("本系统中已有组织、人员或账号数据，只能导入到空的系统中");
        }
        Administrators admins = new Administrators(
                rows(connection, "select * from " + ArchiveCatalogue.ACCOUNT + " order by id"),
                rows(connection, "select * from " + ArchiveCatalogue.ROLE_GRANT + " order by account_id, role"));
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("delete from " + ArchiveCatalogue.ROLE_GRANT);
            s.executeUpdate("delete from " + ArchiveCatalogue.ACCOUNT);
            s.executeUpdate("delete from " + ArchiveCatalogue.ORG_UNIT);
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

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
