package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.jdbc.DerivedTable;
import cn.studyledger.common.jdbc.Duplicates;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code selfstudy_person_year_total}: each person's self-study hours and number of entries of a year in an
 * organisation — what {@code selfstudy.hours} adds up per member, so the roll-up reads a row per person instead of
 * every entry. Every write of an entry applies its difference in the writer's transaction with one atomic upsert
 * ({@code insert ... on conflict do update} on PostgreSQL, the standard {@code merge} on H2), so entries posted at
 * the same moment for the same person add up and never collide; a total that reaches no entries is removed, so
 * the table always equals {@link #REBUILD} over the entries. Rows written around the service (an archive restore,
 * the scale data, bench/run.sh) are followed by {@link #rebuild()}.
 */
@Component
public class SelfStudyTotals implements DerivedTable {

    public static final String TABLE = "selfstudy_person_year_total";

    /** The whole table recomputed from the entries: one grouped insert after emptying it. */
    public static final List<String> REBUILD = List.of(
            "delete from " + TABLE,
            "insert into " + TABLE + " (org_id, person_id, study_year, hours, entries)"
                    + " select org_id, person_id, cast(extract(year from study_date) as int), sum(hours), count(*)"
                    + " from selfstudy_entry group by org_id, person_id, cast(extract(year from study_date) as int)");

    private static final String UPSERT_POSTGRES = "insert into " + TABLE
            + " (org_id, person_id, study_year, hours, entries) values (:org, :person, :year, :hours, :entries)"
            + " on conflict (org_id, person_id, study_year) do update"
            + " set hours = " + TABLE + ".hours + excluded.hours, entries = " + TABLE + ".entries + excluded.entries";

    private static final String UPSERT_H2 = "merge into " + TABLE + " t using (values (cast(:org as bigint),"
            + " cast(:person as bigint), cast(:year as int), cast(:hours as numeric(12, 1)), cast(:entries as int)))"
            + " s (org_id, person_id, study_year, hours, entries)"
            + " on t.org_id = s.org_id and t.person_id = s.person_id and t.study_year = s.study_year"
            + " when matched then update set hours = t.hours + s.hours, entries = t.entries + s.entries"
            + " when not matched then insert (org_id, person_id, study_year, hours, entries)"
            + " values (s.org_id, s.person_id, s.study_year, s.hours, s.entries)";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private volatile Boolean postgres;

    SelfStudyTotals(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Which upsert the database speaks, asked once. */
    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            try {
                String product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
                known = product.toLowerCase(Locale.ROOT).contains("postgres");
            } catch (MetaDataAccessException e) {
                throw new IllegalStateException("无法识别数据库类型：" + e.getMessage(), e);
            }
            postgres = known;
        }
        return known;
    }

    /** An entry of {@code hours} added to the person's year in the organisation. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void added(long orgId, long personId, int year, BigDecimal hours) {
        apply(orgId, personId, year, hours, 1);
    }

    /** An entry of {@code hours} taken away from the person's year in the organisation. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void removed(long orgId, long personId, int year, BigDecimal hours) {
        apply(orgId, personId, year, hours.negate(), -1);
    }

    /** An entry edited: its hours (and perhaps its year) changed; one upsert when the year stays. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void edited(
            long orgId, long personId, int yearBefore, BigDecimal hoursBefore, int yearAfter, BigDecimal hoursAfter) {
        if (yearBefore == yearAfter) {
            apply(orgId, personId, yearAfter, hoursAfter.subtract(hoursBefore), 0);
        } else {
            removed(orgId, personId, yearBefore, hoursBefore);
            added(orgId, personId, yearAfter, hoursAfter);
        }
    }

    private void apply(long orgId, long personId, int year, BigDecimal hours, int entries) {
        try {
            upsert(orgId, personId, year, hours, entries);
        } catch (RuntimeException e) {
            // H2's merge may lose the race for a new key to another transaction inserting it (PostgreSQL's
            // on conflict cannot): the row is there now, and H2 keeps the transaction usable, so the merge updates it
            if (postgres() || !Duplicates.isDuplicateKey(e)) {
                throw e;
            }
            upsert(orgId, personId, year, hours, entries);
        }
        if (entries < 0) {
            jdbc.sql("delete from " + TABLE
                            + " where org_id = :org and person_id = :person and study_year = :year and entries = 0")
                    .param("org", orgId)
                    .param("person", personId)
                    .param("year", year)
                    .update();
        }
    }

    private void upsert(long orgId, long personId, int year, BigDecimal hours, int entries) {
        jdbc.sql(postgres() ? UPSERT_POSTGRES : UPSERT_H2)
                .param("org", orgId)
                .param("person", personId)
                .param("year", year)
                .param("hours", hours)
                .param("entries", entries)
                .update();
    }

    @Override
    public String table() {
        return TABLE;
    }

    /** Recomputes the whole table from the entries, in the caller's transaction. */
    @Override
    @Transactional
    public void rebuild() {
        REBUILD.forEach(sql -> jdbc.sql(sql).update());
    }

    /** {@link #rebuild()} on a connection of its own (the scale generator, before it commits). */
    public static void rebuild(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : REBUILD) {
                s.executeUpdate(sql);
            }
        }
    }
}
