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
 * The archived tables as this database has them, read from the JDBC metadata: their columns (secret ones apart),
 * keys and organisation columns, what makes each row part of an organisation's records ({@link Kind}), and the
 * order of insertion (parents first). The tables come from {@link ArchiveCatalogue}; which rows a scope takes is
 * {@link RowSelection}. A column or a child table added by a later migration is scoped without code here.
 */
final class DataModel {

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

    /** The archived tables of the database the connection reaches, with their columns, keys and kinds. */
    static DataModel read(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        List<String> names = new ArrayList<>();
        List<String> unclassified = new ArrayList<>();
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (ArchiveCatalogue.ARCHIVED.contains(name)) {
                    names.add(name);
                } else if (!ArchiveCatalogue.LEFT_OUT.containsKey(name)) {
                    unclassified.add(name);
                }
            }
        }
        names.sort(null);
        unclassified.sort(null);
        Map<String, Shape> shapes = new HashMap<>();
        Map<String, List<String>> orgColumns = new HashMap<>();
        for (String name : names) {
            Shape shape = shape(meta, catalog, schema, name);
            shapes.put(name, shape);
            orgColumns.put(name, orgColumns(name, shape));
        }
        Set<String> owned = owned(names, shapes, orgColumns);
        Set<String> referenced = new HashSet<>();
        for (String name : owned) {
            for (ForeignKey fk : shapes.get(name).foreignKeys()) {
                if (!owned.contains(fk.parentTable()) && names.contains(fk.parentTable())) {
                    referenced.add(fk.parentTable());
                }
            }
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        List<String> unscoped = new ArrayList<>();
        for (String name : names) {
            Kind kind = name.equals(ArchiveCatalogue.ORG_UNIT)
                    ? Kind.ORGANISATION
                    : owned.contains(name) ? Kind.OWNED : referenced.contains(name) ? Kind.REFERENCED : null;
            if (kind == null) {
                unscoped.add(name);
                continue;
            }
            Shape shape = shapes.get(name);
            tables.put(
                    name,
                    new Table(
                            name,
                            List.copyOf(shape.columns()),
                            List.copyOf(shape.secretColumns()),
                            List.copyOf(shape.primaryKey()),
                            shape.foreignKeys(),
                            orgColumns.get(name),
                            kind,
                            shape.identity()));
        }
        return new DataModel(tables, insertOrder(tables), List.copyOf(unclassified), List.copyOf(unscoped));
    }

    /** A table as the metadata describes it, before its kind is known. */
    private record Shape(
            List<Column> columns,
            List<Column> secretColumns,
            List<String> primaryKey,
            List<ForeignKey> foreignKeys,
            boolean identity) {}

    private static Shape shape(DatabaseMetaData meta, String catalog, String schema, String name) throws SQLException {
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
                (ArchiveCatalogue.secret(name, col) ? secret : cols).add(column);
                if (col.equals("id") && "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) {
                    generated = true;
                }
            }
        }
        TreeMap<Integer, String> pk = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, stored)) {
            while (rs.next()) {
                pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return new Shape(
                cols, secret, new ArrayList<>(pk.values()), foreignKeys(meta, catalog, schema, stored), generated);
    }

    private static List<ForeignKey> foreignKeys(DatabaseMetaData meta, String catalog, String schema, String stored)
            throws SQLException {
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
        return byKey.values().stream()
                .filter(parts -> parts.size() == 1)
                .map(parts -> new ForeignKey(parts.get(0)[0], parts.get(0)[1], parts.get(0)[2]))
                .toList();
    }

    /** The columns naming an organisation: {@code org_id}, {@code *_org_id}, a foreign key to {@code org_unit}. */
    private static List<String> orgColumns(String name, Shape shape) {
        Set<String> org = new LinkedHashSet<>();
        if (!name.equals(ArchiveCatalogue.ORG_UNIT)) {
            for (Column c : shape.columns()) {
                if (c.name().equals("org_id") || c.name().endsWith("_org_id")) {
                    org.add(c.name());
                }
            }
            for (ForeignKey fk : shape.foreignKeys()) {
                if (fk.parentTable().equals(ArchiveCatalogue.ORG_UNIT)) {
                    org.add(fk.column());
                }
            }
        }
        return List.copyOf(org);
    }

    /** The organisation tree and every table owned by an organisation or, through its parents, by an owned row. */
    private static Set<String> owned(
            List<String> names, Map<String, Shape> shapes, Map<String, List<String>> orgColumns) {
        Set<String> owned = new HashSet<>();
        if (names.contains(ArchiveCatalogue.ORG_UNIT)) {
            owned.add(ArchiveCatalogue.ORG_UNIT);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String name : names) {
                if (owned.contains(name)) {
                    continue;
                }
                boolean byOrg = !orgColumns.get(name).isEmpty();
                boolean byParent = owners(name, shapes.get(name).foreignKeys()).stream()
                        .anyMatch(fk -> owned.contains(fk.parentTable()));
                if (byOrg || byParent) {
                    owned.add(name);
                    changed = true;
                }
            }
        }
        return owned;
    }

    /** The foreign keys that make a row part of its parent's record: not to itself, not to a reference table. */
    static List<ForeignKey> owners(String name, List<ForeignKey> fks) {
        return fks.stream()
                .filter(fk -> !fk.parentTable().equals(name)
                        && !fk.parentTable().equals(ArchiveCatalogue.ORG_UNIT)
                        && !ArchiveCatalogue.REFERENCE_TABLES.contains(fk.parentTable()))
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
     * The where clause of every archived table for a scope (comma-separated organisation ids, numbers only, from
     * the database), in the insert order: see {@link RowSelection}.
     */
    Map<String, String> selection(Connection connection, String scope) throws SQLException {
        return new RowSelection(this, scope).where(connection);
    }
}
