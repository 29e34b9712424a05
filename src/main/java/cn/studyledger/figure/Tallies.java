package cn.studyledger.figure;

import cn.studyledger.common.jdbc.Chunks;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.LongFunction;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Grouped SQL for {@link FigureProvider#tally}: the statement is run for chunks of organisation ids (bound as
 * {@code :orgIds}) and every organisation asked about gets a result, zero (or no rate) where no row was found.
 * Runs in the caller's thread and transaction: the figure service already gives each chunk of a province its own
 * task on the tally executor, so a provider never starts threads of its own.
 */
public final class Tallies {

    private Tallies() {}

    /** {@code sql} selects (organisation id, count). */
    public static Map<Long, FigureResult> counts(
            JdbcClient jdbc, String sql, Map<String, ?> params, List<OrgRef> orgs) {
        Map<Long, Long> counts = new HashMap<>();
        for (long[] r : rows(jdbc, sql, params, orgs, (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})) {
            counts.merge(r[0], r[1], Long::sum);
        }
        return each(orgs, id -> FigureResult.tallied(counts.getOrDefault(id, 0L)));
    }

    /** {@code sql} selects (organisation id, numerator, denominator). */
    public static Map<Long, FigureResult> rates(JdbcClient jdbc, String sql, Map<String, ?> params, List<OrgRef> orgs) {
        Map<Long, long[]> rates = new HashMap<>();
        for (long[] r :
                rows(jdbc, sql, params, orgs, (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})) {
            rates.put(r[0], new long[] {r[1], r[2]});
        }
        return each(orgs, id -> {
            long[] r = rates.getOrDefault(id, new long[2]);
            return FigureResult.tallied(r[0], r[1]);
        });
    }

    /**
     * {@code sql} selects (organisation id, sum of the records' amounts, number of records): each organisation's mean
     * as {@link FigureResult#average} makes it, no value where no row was found.
     */
    public static Map<Long, FigureResult> averages(
            JdbcClient jdbc, String sql, Map<String, ?> params, List<OrgRef> orgs) {
        Map<Long, Amounts> found = new HashMap<>();
        for (Amounts a : rows(
                jdbc, sql, params, orgs, (rs, n) -> new Amounts(rs.getLong(1), rs.getBigDecimal(2), rs.getLong(3)))) {
            found.merge(
                    a.orgId(),
                    a,
                    (x, y) -> new Amounts(x.orgId(), x.amount().add(y.amount()), x.records() + y.records()));
        }
        return each(orgs, id -> {
            Amounts a = found.get(id);
            return a == null
                    ? FigureResult.talliedAverage(BigDecimal.ZERO, 0)
                    : FigureResult.talliedAverage(a.amount(), a.records());
        });
    }

    /** One (organisation, amount, number of records) row. */
    private record Amounts(long orgId, BigDecimal amount, long records) {}

    /**
     * {@code sql} selects (organisation id, amount, number of records with that amount); each organisation's sum is
     * {@code share(organisation id, amount)} times the number, over its rows, zero where no row was found. The share
     * lets a record count by a setting of its organisation (a session's hours as days); {@code (org, amount) ->
     * amount} adds the amounts up.
     */
    public static Map<Long, FigureResult> sums(
            JdbcClient jdbc,
            String sql,
            Map<String, ?> params,
            List<OrgRef> orgs,
            BiFunction<Long, BigDecimal, BigDecimal> share) {
        Map<Long, BigDecimal> sums = new HashMap<>();
        for (Amounts a : rows(
                jdbc, sql, params, orgs, (rs, n) -> new Amounts(rs.getLong(1), rs.getBigDecimal(2), rs.getLong(3)))) {
            sums.merge(
                    a.orgId(),
                    share.apply(a.orgId(), a.amount()).multiply(BigDecimal.valueOf(a.records())),
                    BigDecimal::add);
        }
        return each(orgs, id -> FigureResult.tallied(sums.getOrDefault(id, BigDecimal.ZERO)));
    }

    /** One (organisation, person, amount) row. */
    private record Amount(long orgId, long personId, BigDecimal amount) {}

    /**
     * {@code sql} selects (organisation id, person id, amount); only the amounts of each group's members (by
     * organisation id, as {@code OrgApi.memberIds} gives them) are added up.
     */
    public static Map<Long, BigDecimal> memberAmounts(
            JdbcClient jdbc, String sql, Map<String, ?> params, List<OrgRef> orgs, Map<Long, Set<Long>> members) {
        Map<Long, BigDecimal> amounts = new HashMap<>();
        for (Amount a : rows(
                jdbc, sql, params, orgs, (rs, n) -> new Amount(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)))) {
            if (members.getOrDefault(a.orgId(), Set.of()).contains(a.personId())) {
                amounts.merge(a.orgId(), a.amount(), BigDecimal::add);
            }
        }
        Map<Long, BigDecimal> all = new LinkedHashMap<>();
        orgs.forEach(o -> all.put(o.id(), amounts.getOrDefault(o.id(), BigDecimal.ZERO)));
        return all;
    }

    /**
     * {@code sql} selects (organisation id, person id, count) of records dated within the period: each organisation's
     * count of the records of its group's members of the period's year.
     */
    public static Map<Long, FigureResult> memberCounts(
            JdbcClient jdbc, OrgApi groups, String sql, Period period, Map<String, ?> more, List<OrgRef> orgs) {
        Map<String, Object> params = new HashMap<>(more);
        params.put("from", period.from());
        params.put("to", period.to());
        Map<Long, BigDecimal> counts = memberAmounts(
                jdbc,
                sql,
                params,
                orgs,
                groups.memberIds(orgs.stream().map(OrgRef::id).toList(), period.year()));
        Map<Long, FigureResult> results = new LinkedHashMap<>();
        counts.forEach((orgId, count) -> results.put(orgId, FigureResult.tallied(count.longValueExact())));
        return results;
    }

    /** The rows of every chunk, one statement after the other. */
    private static <T> List<T> rows(
            JdbcClient jdbc, String sql, Map<String, ?> params, List<OrgRef> orgs, RowMapper<T> mapper) {
        List<T> rows = new ArrayList<>();
        for (List<Long> chunk : Chunks.of(orgs.stream().map(OrgRef::id).toList())) {
            rows.addAll(jdbc.sql(sql)
                    .params(params)
                    .param("orgIds", chunk)
                    .query(mapper)
                    .list());
        }
        return rows;
    }

    private static Map<Long, FigureResult> each(List<OrgRef> orgs, LongFunction<FigureResult> result) {
        Map<Long, FigureResult> all = new LinkedHashMap<>();
        orgs.forEach(o -> all.put(o.id(), result.apply(o.id())));
        return all;
    }
}
