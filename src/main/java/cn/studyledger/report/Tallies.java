package cn.studyledger.report;

import cn.studyledger.common.jdbc.Chunks;
import cn.studyledger.org.OrgRef;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Grouped SQL for {@link FigureProvider#tally}: the statement is run for chunks of organisation ids (bound as
 * {@code :orgIds}) and every organisation asked about gets a result, zero (or no rate) where no row was found.
 */
public final class Tallies {

    private Tallies() {}

    /** {@code sql} selects (organisation id, count). */
    public static Map<Long, FigureResult> counts(
            JdbcClient jdbc, String sql, Map<String, ?> params, List<OrgRef> orgs) {
        Map<Long, Long> counts = new HashMap<>();
        run(jdbc, sql, params, orgs, rs -> counts.merge(rs.getLong(1), rs.getLong(2), Long::sum));
        return each(orgs, id -> FigureResult.tallied(counts.getOrDefault(id, 0L)));
    }

    /** {@code sql} selects (organisation id, numerator, denominator). */
    public static Map<Long, FigureResult> rates(JdbcClient jdbc, String sql, Map<String, ?> params, List<OrgRef> orgs) {
        Map<Long, long[]> rates = new HashMap<>();
        run(jdbc, sql, params, orgs, rs -> rates.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)}));
        return each(orgs, id -> {
            long[] r = rates.getOrDefault(id, new long[2]);
            return FigureResult.tallied(r[0], r[1]);
        });
    }

    /**
     * {@code sql} selects (organisation id, person id, amount); only the amounts of each group's members (by
     * organisation id, as {@code OrgApi.memberIds} gives them) are added up.
     */
    public static Map<Long, BigDecimal> memberAmounts(
            JdbcClient jdbc, String sql, Map<String, ?> params, List<OrgRef> orgs, Map<Long, Set<Long>> members) {
        Map<Long, BigDecimal> amounts = new HashMap<>();
        run(jdbc, sql, params, orgs, rs -> {
            long orgId = rs.getLong(1);
            if (members.getOrDefault(orgId, Set.of()).contains(rs.getLong(2))) {
                amounts.merge(orgId, rs.getBigDecimal(3), BigDecimal::add);
            }
        });
        Map<Long, BigDecimal> all = new LinkedHashMap<>();
        orgs.forEach(o -> all.put(o.id(), amounts.getOrDefault(o.id(), BigDecimal.ZERO)));
        return all;
    }

    private static void run(
            JdbcClient jdbc,
            String sql,
            Map<String, ?> params,
            List<OrgRef> orgs,
            org.springframework.jdbc.core.RowCallbackHandler row) {
        for (List<Long> chunk : Chunks.of(orgs.stream().map(OrgRef::id).toList())) {
            jdbc.sql(sql).params(params).param("orgIds", chunk).query(row);
        }
    }

    private static Map<Long, FigureResult> each(
            List<OrgRef> orgs, java.util.function.LongFunction<FigureResult> result) {
        Map<Long, FigureResult> all = new LinkedHashMap<>();
        orgs.forEach(o -> all.put(o.id(), result.apply(o.id())));
        return all;
    }
}
