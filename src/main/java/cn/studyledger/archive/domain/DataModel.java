package cn.studyledger.archive.domain;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The application's tables as JDBC metadata describes them, and which of their rows belong to an organisation
 * subtree (the rules are in the package documentation). Built fresh for each export or import, so tables added
 * by later migrations are picked up without code changes.
 */
final class DataModel {

    static final String ORG_UNIT = "org_unit";
    static final String ACCOUNT = "org_account";
    static final String ROLE_GRANT = "org_role_grant";

    /** Never archived: migration history, the audit trail (it belongs to the installation), session and lock tables. */
    static final Set<String> EXCLUDED = Set.of(
            "flyway_schema_history", "common_audit_event", "spring_session", "spring_session_attributes", "shedlock");

    enum Kind {
        /** The organisation tree itself: the subtree plus its ancestors, so that paths and parents resolve. */
        ORGANISATION,
        /** Rows owned by an organisation (an org column) or by an owned row (a foreign key). */
        OWNED,
        /** Rows without an owner of their own, taken when an owned row refers to them (stored files). */
        REFERENCED
    }

    record Column(String name, int sqlType, String typeName) {}

    record ForeignKey(String column, String parentTable, String parentColumn) {}

    record Table(
            String name,
            List<Column> columns,
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
    }

    private final Map<String, Table> tables;
    private final List<String> order;

    private DataModel(Map<String, Table> tables, List<String> order) {
        this.tables = tables;
        this.order = order;
    }

    /** The archived tables, parents before children (the insert order). */
    List<Table> tables() {
        return order.stream().map(tables::get).toList();
    }

    Table table(String name) {
        return tables.get(name);
    }

    static DataModel read(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!EXCLUDED.contains(name)) {
                    names.add(name);
                }
            }
        }
        Map<String, List<Column>> columns = new HashMap<>();
        Map<String, List<String>> keys = new HashMap<>();
        Map<String, List<ForeignKey>> fks = new HashMap<>();
        Map<String, Boolean> identity = new HashMap<>();
        for (String name : names) {
            String stored = storedName(meta, catalog, schema, name);
            List<Column> cols = new ArrayList<>();
            boolean generated = false;
            try (ResultSet rs = meta.getColumns(catalog, schema, stored, "%")) {
                while (rs.next()) {
                    String col = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                    cols.add(new Column(col, rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")));
                    if (col.equals("id") && "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) {
                        generated = true;
                    }
                }
            }
            columns.put(name, cols);
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
            // only single-column keys take part in the ownership rules; none of ours is composite
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
                boolean byParent = fks.get(name).stream()
                        .anyMatch(fk -> !fk.parentTable().equals(name) && owned.contains(fk.parentTable()));
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
        for (String name : names) {
            Kind kind = name.equals(ORG_UNIT)
                    ? Kind.ORGANISATION
                    : owned.contains(name) ? Kind.OWNED : referenced.contains(name) ? Kind.REFERENCED : null;
            if (kind != null) {
                tables.put(
                        name,
                        new Table(
                                name,
                                List.copyOf(columns.get(name)),
                                List.copyOf(keys.get(name)),
                                fks.get(name),
                                orgColumns.get(name),
                                kind,
                                identity.get(name)));
            }
        }
        return new DataModel(tables, insertOrder(tables));
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
     * The where clause that selects the table's rows of the subtree. {@code subtree} and {@code all} (subtree plus
     * ancestors) are comma-separated organisation ids (numbers only, from the database).
     */
    String condition(String table, String subtree, String all) {
        return condition(table, subtree, all, new HashMap<>(), new HashSet<>());
    }

    private String condition(String name, String subtree, String all, Map<String, String> memo, Set<String> visiting) {
        String known = memo.get(name);
        if (known != null) {
            return known;
        }
        Table table = tables.get(name);
        visiting.add(name);
        String result;
        if (table.kind() == Kind.ORGANISATION) {
            result = "id in (" + all + ")";
        } else if (table.kind() == Kind.REFERENCED) {
            List<String> uses = new ArrayList<>();
            for (Table owner : tables.values()) {
                if (owner.kind() == Kind.REFERENCED || visiting.contains(owner.name())) {
                    continue;
                }
                for (ForeignKey fk : owner.foreignKeys()) {
                    if (fk.parentTable().equals(name)) {
                        uses.add(fk.parentColumn() + " in (select " + fk.column() + " from " + owner.name() + " where "
                                + condition(owner.name(), subtree, all, memo, visiting) + ")");
                    }
                }
            }
            result = uses.isEmpty() ? "1 = 0" : "(" + String.join(" or ", uses) + ")";
        } else {
            List<String> all_ = new ArrayList<>();
            List<String> anchors = new ArrayList<>();
            for (String org : table.orgColumns()) {
                all_.add("(" + org + " is null or " + org + " in (" + all + "))");
                anchors.add(org + " in (" + subtree + ")");
            }
            for (ForeignKey fk : table.foreignKeys()) {
                Table parent = tables.get(fk.parentTable());
                if (parent == null
                        || parent.kind() != Kind.OWNED
                        || fk.parentTable().equals(name)
                        || table.orgColumns().contains(fk.column())
                        || visiting.contains(fk.parentTable())) {
                    continue;
                }
                all_.add("(" + fk.column() + " is null or " + fk.column() + " in (select " + fk.parentColumn()
                        + " from " + parent.name() + " where "
                        + condition(parent.name(), subtree, all, memo, visiting) + "))");
                anchors.add(fk.column() + " is not null");
            }
            all_.add("(" + String.join(" or ", anchors) + ")");
            result = String.join(" and ", all_);
        }
        visiting.remove(name);
        memo.put(name, result);
        return result;
    }

    /** Whether a row of the table could belong to some organisation (used to tell an empty installation). */
    String ownedAnywhere(String name) {
        Table table = tables.get(name);
        if (table.kind() != Kind.OWNED) {
            return "1 = 1";
        }
        List<String> anchors = new ArrayList<>();
        table.orgColumns().forEach(c -> anchors.add(c + " is not null"));
        for (ForeignKey fk : table.foreignKeys()) {
            if (!fk.parentTable().equals(name) && tables.containsKey(fk.parentTable())) {
                anchors.add(fk.column() + " is not null");
            }
        }
        return anchors.isEmpty() ? "1 = 1" : String.join(" or ", anchors);
    }
}
