package cn.studyledger.archive.domain;

import cn.studyledger.archive.domain.DataModel.ForeignKey;
import cn.studyledger.archive.domain.DataModel.Kind;
import cn.studyledger.archive.domain.DataModel.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which rows of the archived tables an archive takes for a scope of organisations (the rules are in the package
 * documentation): where clauses derived from the {@link DataModel}, the rows in the scope plus the rows outside it
 * that a taken row refers to.
 */
final class RowSelection {

    private final DataModel model;
    private final String scope;
    private final Map<String, String> inScope = new HashMap<>();

    /** {@code scope}: comma-separated organisation ids, numbers only, from the database. */
    RowSelection(DataModel model, String scope) {
        this.model = model;
        this.scope = scope;
    }

    /**
     * The where clause selecting the table's rows that lie in the scope: an organisation of the scope; a row with
     * an organisation column naming one of them (any one: a visit belongs to the superior and to the visited unit,
     * as the application shows it to both); a row without one whose owning parent row lies in the scope.
     */
    String inScope(String name) {
        String known = inScope.get(name);
        if (known != null) {
            return known;
        }
        Table table = model.table(name);
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
            for (ForeignKey fk : DataModel.owners(name, table.foreignKeys())) {
                Table parent = model.table(fk.parentTable());
                if (parent != null && parent.kind() == Kind.OWNED) {
                    parents.add(fk.column() + " in (select " + fk.parentColumn() + " from " + parent.name() + " where "
                            + inScope(parent.name()) + ")");
                }
            }
            result = parents.isEmpty() ? "1 = 0" : "(" + String.join(" or ", parents) + ")";
        }
        inScope.put(name, result);
        return result;
    }

    /**
     * The where clause of every archived table: its rows in the scope plus the rows outside it that a taken row
     * refers to by a foreign key (the visited unit of a visit, the unit's person who owns a rectification item,
     * an attachment, an organisation's parent), so that every reference restores. Only those rows: nothing else
     * of another organisation. Computed children first, so that a referred row's own references follow.
     */
    Map<String, String> where(Connection connection) throws SQLException {
        Map<String, String> base = new HashMap<>();
        for (Table table : model.tables()) {
            base.put(table.name(), inScope(table.name()));
        }
        Map<String, Set<Long>> extra = new HashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        List<Table> childrenFirst = new ArrayList<>(model.tables());
        Collections.reverse(childrenFirst);
        for (Table parent : childrenFirst) {
            Set<Long> ids = new HashSet<>();
            for (Table child : model.tables()) {
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
        model.tables().forEach(t -> ordered.put(t.name(), where.get(t.name())));
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
