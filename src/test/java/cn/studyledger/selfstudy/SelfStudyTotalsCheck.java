package cn.studyledger.selfstudy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.selfstudy.domain.SelfStudyTotals;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The self-study module's per-person yearly totals, compared row by row with their recomputation from the entries. */
public final class SelfStudyTotalsCheck {

    private SelfStudyTotalsCheck() {}

    /** Each (organisation, person, year) with its hours and number of entries, as the table holds them. */
    public static List<String> kept(JdbcClient jdbc) {
        return jdbc.sql("select org_id, person_id, study_year, hours, entries from " + SelfStudyTotals.TABLE
                        + " order by org_id, person_id, study_year")
                .query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getInt(3) + ": "
                        + rs.getBigDecimal(4).stripTrailingZeros().toPlainString() + " h, " + rs.getInt(5))
                .list();
    }

    /** The same, computed from the entries with one grouped statement. */
    public static List<String> recomputed(JdbcClient jdbc) {
        return jdbc.sql("""
                        select org_id, person_id, cast(extract(year from study_date) as int) y, sum(hours), count(*)
                          from selfstudy_entry group by org_id, person_id, cast(extract(year from study_date) as int)
                         order by org_id, person_id, y""")
                .query((rs, n) -> rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getInt(3) + ": "
                        + rs.getBigDecimal(4).stripTrailingZeros().toPlainString() + " h, " + rs.getInt(5))
                .list();
    }

    /** The totals equal their recomputation: the same rows, the same hours and counts, nothing more. */
    public static void assertEqualToTheEntries(JdbcClient jdbc) {
        assertThat(kept(jdbc)).containsExactlyElementsOf(recomputed(jdbc));
    }
}
