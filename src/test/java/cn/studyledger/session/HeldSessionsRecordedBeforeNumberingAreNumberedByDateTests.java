package cn.studyledger.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.EmbeddedPostgresInitializer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V175 on a database that already holds sessions, on H2 and PostgreSQL: the held ones get their numbers of their
 * organisation's year by date, then id (overall and per format); planned and cancelled ones get none; and the unique
 * keys then refuse a number given twice.
 */
class HeldSessionsRecordedBeforeNumberingAreNumberedByDateTests {

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void theMigrationNumbersTheHeldSessionsOfEachOrganisationsYearByDateThenId(String database) {
        DataSource dataSource = database(database);
        Flyway.configure().dataSource(dataSource).target("174").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long a = org(jdbc, "MIG-A");
        long b = org(jdbc, "MIG-B");
        Map<String, Long> s = new LinkedHashMap<>();
        s.put("a-mar-discussion", session(jdbc, a, "2025-03-10", "DISCUSSION", "HELD"));
        s.put("a-jan-collective", session(jdbc, a, "2025-01-15", "COLLECTIVE", "HELD"));
        s.put("a-feb-planned", session(jdbc, a, "2025-02-01", "COLLECTIVE", "PLANNED"));
        s.put("a-feb-cancelled", session(jdbc, a, "2025-02-02", "DISCUSSION", "CANCELLED"));
        s.put("a-mar-collective-later-id", session(jdbc, a, "2025-03-10", "COLLECTIVE", "HELD"));
        s.put("a-2024", session(jdbc, a, "2024-12-30", "DISCUSSION", "HELD"));
        s.put("b-jun", session(jdbc, b, "2025-06-01", "DISCUSSION", "HELD"));

        Flyway.configure().dataSource(dataSource).load().migrate();

        assertThat(numbers(jdbc, s.get("a-jan-collective"))).isEqualTo("2025/1/1");
        assertThat(numbers(jdbc, s.get("a-mar-discussion"))).isEqualTo("2025/2/1");
        assertThat(numbers(jdbc, s.get("a-mar-collective-later-id"))).isEqualTo("2025/3/2");
        assertThat(numbers(jdbc, s.get("a-feb-planned"))).isEqualTo("-/-/-");
        assertThat(numbers(jdbc, s.get("a-feb-cancelled"))).isEqualTo("-/-/-");
        assertThat(numbers(jdbc, s.get("a-2024"))).as("a year of its own").isEqualTo("2024/1/1");
        assertThat(numbers(jdbc, s.get("b-jun")))
                .as("an organisation of its own")
                .isEqualTo("2025/1/1");
        assertThat(jdbc.sql("select count(*) from session_study_session where enlarged")
                        .query(Long.class)
                        .single())
                .isZero();

        assertThatThrownBy(() -> jdbc.sql("update session_study_session set ordinal_year = 2025, ordinal = 2,"
                                + " format_ordinal = 9 where id = :id")
                        .param("id", s.get("a-feb-planned"))
                        .update())
                .as("one number of a year, once")
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static String numbers(JdbcClient jdbc, long id) {
        return jdbc.sql("select ordinal_year, ordinal, format_ordinal from session_study_session where id = :id")
                .param("id", id)
                .query((rs, n) -> text(rs.getObject(1)) + "/" + text(rs.getObject(2)) + "/" + text(rs.getObject(3)))
                .single();
    }

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static long org(JdbcClient jdbc, String code) {
        jdbc.sql("insert into org_unit (code, name, type, path, active, version, created_at)"
                        + " values (:code, :code, 'PARTY_GROUP', '/', true, 0, current_timestamp)")
                .param("code", code)
                .update();
        return jdbc.sql("select id from org_unit where code = :code")
                .param("code", code)
                .query(Long.class)
                .single();
    }

    private static long session(JdbcClient jdbc, long org, String date, String format, String status) {
        String title = UUID.randomUUID().toString();
        jdbc.sql("insert into session_study_session (org_id, session_date, duration_hours, format, title, status,"
                        + " version, created_at) values (:org, cast(:date as date), 3, :format, :title, :status, 0,"
                        + " current_timestamp)")
                .param("org", org)
                .param("date", date)
                .param("format", format)
                .param("title", title)
                .param("status", status)
                .update();
        return jdbc.sql("select id from session_study_session where title = :title")
                .param("title", title)
                .query(Long.class)
                .single();
    }

    private static DataSource database(String database) {
        String url = database.equals("H2")
                ? "jdbc:h2:mem:numbering" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"
                : EmbeddedPostgresInitializer.newDatabase();
        return new DriverManagerDataSource(
                url, database.equals("H2") ? "sa" : "postgres", database.equals("H2") ? "" : "postgres");
    }
}
