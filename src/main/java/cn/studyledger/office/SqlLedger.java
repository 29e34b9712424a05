package cn.studyledger.office;

import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link LedgerProvider} from one SQL query of the owning module over its own tables. The query gets the
 * parameters {@code :org} (the organisation's id), {@code :year}, {@code :from} (1 January) and {@code :to}
 * (1 January of the next year); {@code cells} turns each result row into the ledger's cells (e.g. ids of people
 * into names through {@link LedgerRows.Names}, codes into their Chinese labels).
 */
public final class SqlLedger implements LedgerProvider {

    private final LedgerRows rows;
    private final OrgApi orgs;
    private final String key;
    private final String title;
    private final List<String> header;
    private final String sql;
    private final BiFunction<LedgerRows.Names, List<Object>, List<Object>> cells;

    public SqlLedger(
            LedgerRows rows,
            OrgApi orgs,
            String key,
            String title,
            List<String> header,
            String sql,
            BiFunction<LedgerRows.Names, List<Object>, List<Object>> cells) {
        this.rows = rows;
        this.orgs = orgs;
        this.key = key;
        this.title = title;
        this.header = List.copyOf(header);
        this.sql = sql;
        this.cells = cells;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public void rows(String orgCode, int year, Consumer<List<Object>> sink) {
        OrgRef org = orgs.requireReadable(orgCode);
        LedgerRows.Names names = rows.names();
        Map<String, Object> params = Map.of(
                "org", org.id(),
                "year", year,
                "from", LocalDate.of(year, 1, 1),
                "to", LocalDate.of(year + 1, 1, 1));
        rows.stream(sql, params, row -> cells.apply(names, row), sink);
    }

    /** The label of a stored code (e.g. {@code HELD} → 已举行); the code itself when the labeler does not know it. */
    public static Object label(Object code, Function<String, String> labeler) {
        if (code == null) {
            return null;
        }
        try {
            return labeler.apply(code.toString());
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }
}
