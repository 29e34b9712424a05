package cn.studyledger.archive.domain;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the year archive holds, and which rows of it lie in a user's scope. The tables are an explicit list
 * ({@link #ARCHIVED}); everything else is left out, named with its reason in {@link #LEFT_OUT} (a table in neither
 * list is left out too, and {@code ArchiveCatalogueTests} fails until someone decides). Columns holding secrets are
 * never written ({@link #SECRET_COLUMNS}, and any column whose name says credential). Which rows of an archived
 * table are taken is derived from the JDBC metadata (the rules are in the package documentation), so a column or
 * a child table added by a later migration is scoped without code here.
 */
final class DataModel {

    static final String ORG_UNIT = "org_unit";
    static final String ACCOUNT = "org_account";
    static final String ROLE_GRANT = "org_role_grant";

    /** The organisation's records: the only tables a year archive carries and an import accepts. */
    static final Set<String> ARCHIVED = Set.of(
            // organisation, people, central group
            "org_unit",
            "org_person",
            "org_membership",
            // attachments (only the files the archived records refer to)
            "common_stored_file",
            // plan
            "plan_annual_plan",
            "plan_theme",
            "plan_arrangement",
            "plan_arrangement_session",
            "plan_decision",
            // sessions
            "session_study_session",
            "session_agenda_item",
            "session_attendance",
            "session_learning_mode",
            "session_attachment",
            "session_speech",
            "session_leave_request",
            // first topic
            "firsttopic_item",
            "firsttopic_study",
            "firsttopic_deployment",
            "firsttopic_task",
            "firsttopic_inspection",
            // self-study
            "selfstudy_entry",
            "selfstudy_writing",
            "selfstudy_online_learning",
            // materials
            "material_issue",
            "material_issue_file",
            "material_document",
            // supervision
            "supervision_criteria_set",
            "supervision_criterion",
            "supervision_visit",
            "supervision_visit_observer",
            "supervision_visit_file",
            "supervision_rating",
            "supervision_rectification",
            // research
            "research_topic",
            "research_discussion",
            "research_recommendation",
            "research_investigation",
            "research_investigation_member",
            "research_trip",
            "research_trip_participant",
            "research_report",
            "research_report_author",
            "research_selection",
            "research_criterion",
            "research_judge",
            "research_result",
            "research_score_sheet",
            "research_score",
            // outreach
            "outreach_youth_group",
            "outreach_youth_group_member",
            "outreach_branch",
            "outreach_joint_link",
            "outreach_joint_youth_group",
            "outreach_joint_branch",
            "outreach_publicity_item",
            "outreach_exchange_meeting",
            // rules
            "rules_setting",
            "rules_evaluation",
            "rules_finding",
            "rules_evidence",
            // annual report
            "report_annual_report",
            "report_block",
            "report_snapshot_figure",
            "report_decision",
            "report_proposal",
            "report_proposal_evidence",
            "report_template");

    /** Tables a year archive never carries, and why (an import refuses an archive that holds one). */
    static final Map<String, String> LEFT_OUT = Map.of(
            ACCOUNT,
            "账号及其口令、锁定计数：导入后由管理员重新创建",
            ROLE_GRANT,
            "角色授权：导入后由安全管理员重新授予",
            "common_audit_event",
            "审计日志属于本系统安装，不随某一组织的档案迁移",
            "flyway_schema_history",
            "数据库迁移记录属于本系统安装",
            "spring_session",
            "登录会话",
            "spring_session_attributes",
            "登录会话",
            "shedlock",
            "定时任务锁",
            "event_publication",
            "模块间事件的投递记录（事件发布登记表），属于本系统安装的运行状态",
            "tracking_calendar_day",
            "全系统共用的工作日历（节假日设置），不属于某一组织");

    /** Columns of archived tables that hold secrets: never written to an archive, refused in one. */
    static final Map<String, Set<String>> SECRET_COLUMNS =
            Map.of("session_study_session", Set.of("checkin_secret")); // the key of the QR / 6-character check-in codes

    /** A column whose name says it holds a credential is treated as secret even if nobody listed it. */
    static final Pattern CREDENTIAL =
            Pattern.compile(".*(password|passwd|secret|token|salt|otp|nonce|credential|hash).*");

    /**
     * Tables that records refer to for a name or a file (a presider, an attachment): a foreign key to them never
     * puts a row into the scope; the row they hold is carried when an archived record refers to it.
     */
    static final Set<String> REFERENCE_TABLES = Set.of("org_person", "common_stored_file");

    enum Kind {
        /** The organisation tree: the scope, the units the records name, and their ancestors. */
        ORGANISATION,
        /** Rows owned by an organisation (an org column) or by an owned row (a foreign key to it). */
        OWNED,
        /** Rows without an owner of their own, taken when an archived row refers to them (stored files). */
        REFERENCED
    }

    /** A column; {@code optional} when an insert may leave it out (nullable or with a default). */
    record Column(String name, int sqlType, String typeName, boolean optional) {}

    record ForeignKey(String column, String parentTable, String parentColumn) {}

    record Table(
            String name,
            List<Column> columns,
            List<Column> secretColumns,
            List<String> primaryKey,
            List<ForeignKey> foreignKeys,
            List<String> orgColumns,
            Kind kind,
            boolean identity) {

        Column column(String name) {
            return columns.stream()
                    .filter(c -> c.name().equals(name))
                    .findFirst()
                    .orElse(null);
        }

        boolean isSecret(String column) {
            return secretColumns.stream().anyMatch(c -> c.name().equals(column));
        }
    }

    private final Map<String, Table> tables;
    private final List<String> order;
    private final List<String> unclassified;
    private final List<String> unscoped;

    private DataModel(Map<String, Table> tables, List<String> order, List<String> unclassified, List<String> unscoped) {
        this.tables = tables;
        this.order = order;
        this.unclassified = unclassified;
        this.unscoped = unscoped;
    }

    /** The archived tables present in the database, parents before children (the insert order). */
    List<Table> tables() {
        return order.stream().map(tables::get).toList();
    }

    Table table(String name) {
        return tables.get(name);
    }

    /** Tables of the database in neither list: left out until classified. */
    List<String> unclassified() {
        return unclassified;
    }

    /** Tables listed as archived that neither reach an organisation nor are referred to: left out. */
    List<String> unscoped() {
        return unscoped;
    }

    static boolean secret(String table, String column) {
        return SECRET_COLUMNS.getOrDefault(table, Set.of()).contains(column)
                || CREDENTIAL.matcher(column).matches();
    }

    static DataModel read(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        List<String> names = new ArrayList<>();
        List<String> unclassified = new ArrayList<>();
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (ARCHIVED.contains(name)) {
                    names.add(name);
                } else if (!LEFT_OUT.containsKey(name)) {
                    unclassified.add(name);
                }
            }
        }
        names.sort(null);
        unclassified.sort(null);
        Map<String, List<Column>> columns = new HashMap<>();
        Map<String, List<Column>> secrets = new HashMap<>();
        Map<String, List<String>> keys = new HashMap<>();
        Map<String, List<ForeignKey>> fks = new HashMap<>();
        Map<String, Boolean> identity = new HashMap<>();
        for (String name : names) {
            String stored = storedName(meta, catalog, schema, name);
            List<Column> cols = new ArrayList<>();
            List<Column> secret = new ArrayList<>();
            boolean generated = false;
            try (ResultSet rs = meta.getColumns(catalog, schema, stored, "%")) {
                while (rs.next()) {
                    String col = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                    boolean optional = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls
                            || rs.getString("COLUMN_DEF") != null
                            || "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
                    Column column = new Column(col, rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"), optional);
                    (secret(name, col) ? secret : cols).add(column);
                    if (col.equals("id") && "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) {
                        generated = true;
                    }
                }
            }
            columns.put(name, cols);
            secrets.put(name, secret);
            identity.put(name, generated);
            TreeMap<Integer, String> pk = new TreeMap<>();
            try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, stored)) {
                while (rs.next()) {
                    pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            keys.put(name, new ArrayList<>(pk.values()));
            Map<String, List<String[]>> byKey = new LinkedHashMap<>();
            try (ResultSet rs = meta.getImportedKeys(catalog, schema, stored)) {
                while (rs.next()) {
                    String fkName = rs.getString("FK_NAME") + "/" + rs.getString("PKTABLE_NAME");
                    byKey.computeIfAbsent(fkName, k -> new ArrayList<>()).add(new String[] {
                        rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
                        rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT),
                        rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT)
                    });
                }
            }
            // only single-column keys take part in the scope rules; none of ours is composite
            fks.put(
                    name,
                    byKey.values().stream()
                            .filter(parts -> parts.size() == 1)
                            .map(parts -> new ForeignKey(parts.get(0)[0], parts.get(0)[1], parts.get(0)[2]))
                            .toList());
        }
        Map<String, List<String>> orgColumns = new HashMap<>();
        for (String name : names) {
            Set<String> org = new LinkedHashSet<>();
            if (!name.equals(ORG_UNIT)) {
                for (Column c : columns.get(name)) {
                    if (c.name().equals("org_id") || c.name().endsWith("_org_id")) {
                        org.add(c.name());
                    }
                }
                for (ForeignKey fk : fks.get(name)) {
                    if (fk.parentTable().equals(ORG_UNIT)) {
                        org.add(fk.column());
                    }
                }
            }
            orgColumns.put(name, List.copyOf(org));
        }
        Set<String> owned = new HashSet<>();
        if (names.contains(ORG_UNIT)) {
            owned.add(ORG_UNIT);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String name : names) {
                if (owned.contains(name)) {
                    continue;
                }
                boolean byOrg = !orgColumns.get(name).isEmpty();
                boolean byParent =
                        owners(name, fks.get(name)).stream().anyMatch(fk -> owned.contains(fk.parentTable()));
                if (byOrg || byParent) {
                    owned.add(name);
                    changed = true;
                }
            }
        }
        Set<String> referenced = new HashSet<>();
        for (String name : owned) {
            for (ForeignKey fk : fks.get(name)) {
                if (!owned.contains(fk.parentTable()) && names.contains(fk.parentTable())) {
                    referenced.add(fk.parentTable());
                }
            }
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        List<String> unscoped = new ArrayList<>();
        for (String name : names) {
            Kind kind = name.equals(ORG_UNIT)
                    ? Kind.ORGANISATION
                    : owned.contains(name) ? Kind.OWNED : referenced.contains(name) ? Kind.REFERENCED : null;
            if (kind == null) {
                unscoped.add(name);
                continue;
            }
            tables.put(
                    name,
                    new Table(
                            name,
                            List.copyOf(columns.get(name)),
                            List.copyOf(secrets.get(name)),
                            List.copyOf(keys.get(name)),
                            fks.get(name),
                            orgColumns.get(name),
                            kind,
                            identity.get(name)));
        }
        return new DataModel(tables, insertOrder(tables), List.copyOf(unclassified), List.copyOf(unscoped));
    }

    /** The foreign keys that make a row part of its parent's record: not to itself, not to a reference table. */
    private static List<ForeignKey> owners(String name, List<ForeignKey> fks) {
        return fks.stream()
                .filter(fk -> !fk.parentTable().equals(name)
                        && !fk.parentTable().equals(ORG_UNIT)
                        && !REFERENCE_TABLES.contains(fk.parentTable()))
                .toList();
    }

    private static String storedName(DatabaseMetaData meta, String catalog, String schema, String name)
            throws SQLException {
        try (ResultSet rs = meta.getTables(catalog, schema, name, new String[] {"TABLE"})) {
            if (rs.next()) {
                return name;
            }
        }
        return name.toUpperCase(Locale.ROOT);
    }

    /** Parents before children; a table's foreign keys to itself are ignored (rows go in by primary key). */
    private static List<String> insertOrder(Map<String, Table> tables) {
        List<String> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        List<String> names = new ArrayList<>(tables.keySet());
        names.sort(null);
        while (order.size() < names.size()) {
            boolean progress = false;
            for (String name : names) {
                if (done.contains(name)) {
                    continue;
                }
                boolean ready = tables.get(name).foreignKeys().stream()
                        .map(ForeignKey::parentTable)
                        .filter(p -> !p.equals(name) && tables.containsKey(p))
                        .allMatch(done::contains);
                if (ready) {
                    order.add(name);
                    done.add(name);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("数据表之间存在循环外键，无法确定归档顺序："
                        + names.stream().filter(n -> !done.contains(n)).collect(Collectors.joining("、")));
            }
        }
        return order;
    }

    /**
     * The where clause selecting the table's rows that lie in the scope (comma-separated organisation ids, numbers
     * only, from the database): an organisation of the scope; a row with an organisation column naming one of
     * them (any one: a visit belongs to the superior and to the visited unit, as the application shows it to
     * both); a row without one whose owning parent row lies in the scope.
     */
    String inScope(String name, String scope) {
        return inScope(name, scope, new HashMap<>());
    }

    private String inScope(String name, String scope, Map<String, String> memo) {
        String known = memo.get(name);
        if (known != null) {
            return known;
        }
        Table table = tables.get(name);
        String result;
        if (table.kind() == Kind.ORGANISATION) {
            result = "id in (" + scope + ")";
        } else if (table.kind() == Kind.REFERENCED) {
            result = "1 = 0";
        } else if (!table.orgColumns().isEmpty()) {
            result = "("
                    + table.orgColumns().stream()
                            .map(c -> c + " in (" + scope + ")")
                            .collect(Collectors.joining(" or "))
                    + ")";
        } else {
            List<String> parents = new ArrayList<>();
            for (ForeignKey fk : owners(name, table.foreignKeys())) {
                Table parent = tables.get(fk.parentTable());
                if (parent != null && parent.kind() == Kind.OWNED) {
                    parents.add(fk.column() + " in (select " + fk.parentColumn() + " from " + parent.name() + " where "
                            + inScope(parent.name(), scope, memo) + ")");
                }
            }
            result = parents.isEmpty() ? "1 = 0" : "(" + String.join(" or ", parents) + ")";
        }
        memo.put(name, result);
        return result;
    }

    /**
     * The where clause of every archived table: its rows in the scope plus the rows outside it that a taken row
     * refers to by a foreign key (the visited unit of a visit, the unit's person who owns a rectification item,
     * an attachment, an organisation's parent), so that every reference restores. Only those rows: nothing else
     * of another organisation. Computed children first, so that a referred row's own references follow.
     */
    Map<String, String> selection(Connection connection, String scope) throws SQLException {
        Map<String, String> base = new HashMap<>();
        for (Table table : tables()) {
            base.put(table.name(), inScope(table.name(), scope));
        }
        Map<String, Set<Long>> extra = new HashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        List<Table> childrenFirst = new ArrayList<>(tables());
        java.util.Collections.reverse(childrenFirst);
        for (Table parent : childrenFirst) {
            Set<Long> ids = new HashSet<>();
            for (Table child : tables()) {
                if (child.name().equals(parent.name())) {
                    continue;
                }
                for (ForeignKey fk : child.foreignKeys()) {
                    if (fk.parentTable().equals(parent.name())) {
                        collect(connection, child, fk.column(), where.get(child.name()), ids);
                    }
                }
            }
            // references of a table to itself (an organisation's parent, a plan's earlier revision): to the top
            List<ForeignKey> self = parent.foreignKeys().stream()
                    .filter(fk -> fk.parentTable().equals(parent.name()))
                    .toList();
            String condition = taken(base.get(parent.name()), parent, ids);
            boolean grew = !self.isEmpty();
            while (grew) {
                int before = ids.size();
                for (ForeignKey fk : self) {
                    collect(connection, parent, fk.column(), condition, ids);
                }
                condition = taken(base.get(parent.name()), parent, ids);
                grew = ids.size() > before;
            }
            extra.put(parent.name(), ids);
            where.put(parent.name(), condition);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        tables().forEach(t -> ordered.put(t.name(), where.get(t.name())));
        return ordered;
    }

    private static String taken(String inScope, Table table, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return inScope;
        }
        if (table.primaryKey().size() != 1) {
            throw new IllegalStateException("数据表 " + table.name() + " 被引用但没有单列主键");
        }
        String key = table.primaryKey().get(0);
        List<String> chunks = new ArrayList<>();
        List<Long> sorted = ids.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i += 1000) {
            chunks.add(key + " in ("
                    + sorted.subList(i, Math.min(i + 1000, sorted.size())).stream()
                            .map(String::valueOf)
                            .collect(Collectors.joining(","))
                    + ")");
        }
        return "(" + inScope + " or " + String.join(" or ", chunks) + ")";
    }

    private static void collect(Connection connection, Table child, String column, String where, Set<Long> into)
            throws SQLException {
        try (var s = connection.createStatement();
                ResultSet rs = s.executeQuery("select distinct " + column + " from " + child.name() + " where " + column
                        + " is not null and " + where)) {
            while (rs.next()) {
                into.add(rs.getLong(1));
            }
        }
    }
}
