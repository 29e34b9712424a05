package cn.studyledger.office;

import cn.studyledger.org.OrgApi;
import cn.studyledger.org.PersonRef;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Helps {@link LedgerProvider}s stream their rows: runs a module's own query in a read-only transaction with a
 * fetch size, so PostgreSQL hands rows over in batches instead of loading the whole result, and converts each
 * row's cells to Java values. Names of people come from a small per-export cache backed by {@link OrgApi}, as
 * the modules do not join the organisation module's tables.
 */
@Service
public class LedgerRows {

    static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final OrgApi orgs;

    LedgerRows(JdbcClient jdbc, PlatformTransactionManager transactions, OrgApi orgs) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.orgs = orgs;
    }

    /**
     * Runs the query and pushes every row, its cells converted (dates as {@link java.time.LocalDate}, timestamps as
     * {@link java.time.LocalDateTime}, decimals as {@link BigDecimal}), through {@code map} to the sink.
     */
    public void stream(
            String sql, Map<String, ?> params, UnaryOperator<List<Object>> map, Consumer<List<Object>> sink) {
        readOnly.executeWithoutResult(status -> jdbc.sql(sql)
                .params(params)
                .withFetchSize(FETCH_SIZE)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> sink.accept(map.apply(cells(rs)))));
    }

    /** A fresh bounded cache of people's names for one export. */
    public Names names() {
        return new Names(orgs);
    }

    private static List<Object> cells(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Object> row = new ArrayList<>(meta.getColumnCount());
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            Object value = rs.getObject(c);
            if (value instanceof Timestamp t) {
                value = t.toLocalDateTime();
            } else if (value instanceof java.sql.Date d) {
                value = d.toLocalDate();
            } else if (value instanceof Time t) {
                value = t.toLocalTime();
            }
            row.add(value);
        }
        return row;
    }

    /** Names of people and organisations by id, at most {@value #CAPACITY} remembered (least recently used forgotten). */
    public static final class Names {

        static final int CAPACITY = 2000;

        private final OrgApi orgs;
        private final Map<Long, String> cache = bounded();
        private final Map<Long, String> units = bounded();

        Names(OrgApi orgs) {
            this.orgs = orgs;
        }

        /** The person's name, or {@code null} for no id. */
        public String name(Object id) {
            if (!(id instanceof Number number)) {
                return null;
            }
            long key = number.longValue();
            String name = cache.get(key);
            if (name == null) {
                PersonRef person = orgs.people(List.of(key)).get(key);
                name = person == null ? "#" + key : person.name();
                cache.put(key, name);
            }
            return name;
        }

        /** The organisation's name, or {@code null} for no id. */
        public String orgName(Object id) {
            if (!(id instanceof Number number)) {
                return null;
            }
            return units.computeIfAbsent(
                    number.longValue(), key -> orgs.get(key).name());
        }

        private static Map<Long, String> bounded() {
            return new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
                    return size() > CAPACITY;
                }
            };
        }
    }
}
