package cn.studyledger.common.jdbc;

import cn.studyledger.common.security.CurrentUser;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rows created the first time something is used (a year's rule table, its first evaluation, ...), written so that
 * users arriving at the same moment create exactly one: {@code insert ... on conflict do nothing} on the table's
 * unique key (PostgreSQL, and H2 in its PostgreSQL mode). Unlike "look, then insert" it cannot lose the race: the
 * database makes the second insert wait for the first transaction and then skip. Runs in the caller's transaction,
 * so whatever else the caller writes commits with the row; afterwards the caller reads the row (its own or the
 * other user's) through its repository as usual.
 */
@Component
public class FirstTimeRows {

    private final JdbcClient jdbc;
    private final Clock clock;

    public FirstTimeRows(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * Inserts a row of an entity table unless a row with the same unique key exists; the columns every entity has
     * ({@code version}, {@code created_at}, {@code created_by}) are filled as {@code BaseEntity} fills them.
     *
     * @param table a table name from the code, never from input
     * @param columns column name (from the code) to value; values may be null
     * @return true if this call inserted the row, false if it was there (or another user's insert won)
     */
    public boolean insertIfAbsent(String table, Map<String, ?> columns) {
        Map<String, Object> row = new LinkedHashMap<>(columns);
        row.putIfAbsent("version", 0L);
        row.putIfAbsent("created_at", LocalDateTime.now(clock));
        row.putIfAbsent("created_by", CurrentUser.usernameOrSystem());
        String sql = "insert into " + table + " (" + String.join(", ", row.keySet()) + ") values ("
                + row.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "))
                + ") on conflict do nothing";
        return jdbc.sql(sql).params(row).update() == 1;
    }
}
