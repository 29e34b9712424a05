package cn.studyledger.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.EmbeddedPostgresInitializer;
import cn.studyledger.selfstudy.SelfStudyTotalsCheck;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The scale generator on a small province (2 bureaus × 3 units), on a freshly migrated H2 and PostgreSQL: the
 * rows follow the stated proportions, the application can insert after it (identities moved on), and a second
 * run is refused.
 */
class ScaleGeneratorTests {

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void writesTheStatedProportionsAndLeavesTheDatabaseUsable(String database) throws Exception {
        DataSource dataSource = migrated(database);
        ScaleGenerator generator =
                new ScaleGenerator(dataSource, PasswordEncoderFactories.createDelegatingPasswordEncoder());

        Map<String, Long> counts = generator.generate(new ScaleGenerator.Size(2, 3, 2025, 7));

        int groups = 1 + 2 + 2 * 3;
        long sessions = (long) groups * ScaleGenerator.SESSIONS_PER_YEAR;
        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(count(jdbc, "org_unit")).isEqualTo(groups).isEqualTo(counts.get("org_unit"));
        assertThat(count(jdbc, "session_study_session")).isEqualTo(sessions);
        assertThat(count(jdbc, "session_attendance"))
                .isEqualTo(sessions * (ScaleGenerator.MEMBERS + 2))
                .isEqualTo(counts.get("session_attendance"));
        assertThat(count(jdbc, "selfstudy_entry"))
                .isEqualTo((long) groups * ScaleGenerator.MEMBERS * ScaleGenerator.ENTRIES_PER_MEMBER);
        // the self-study module's per-person yearly totals are computed right after the entries are written
        assertThat(count(jdbc, "selfstudy_person_year_total")).isPositive();
        SelfStudyTotalsCheck.assertEqualToTheEntries(jdbc);
        assertThat(count(jdbc, "supervision_visit"))
                .as("every bureau and unit visited once")
                .isEqualTo(groups - 1);
        assertThat(jdbc.sql("select count(*) from org_unit u join org_unit p on p.id = u.parent_id"
                                + " where u.path = p.path || cast(u.id as varchar) || '/'")
                        .query(Long.class)
                        .single())
                .as("materialised paths")
                .isEqualTo(groups - 1);
        assertThat(jdbc.sql("select count(*) from session_attendance a where a.status = 'LEAVE'"
                                + " and not exists (select 1 from session_leave_request l"
                                + " where l.session_id = a.session_id and l.person_id = a.person_id)")
                        .query(Long.class)
                        .single())
                .as("every leave has its approved request")
                .isZero();

        jdbc.sql("insert into org_unit (code, name, type, path, active, version, created_at)"
                        + " values ('NEW', '新单位', 'BRANCH', '/', true, 0, current_timestamp)")
                .update();
        assertThat(jdbc.sql("select id from org_unit where code = 'NEW'")
                        .query(Long.class)
                        .single())
                .as("the identity continues after the generated ids")
                .isGreaterThan(jdbc.sql("select max(id) from org_unit where code <> 'NEW'")
                        .query(Long.class)
                        .single());

        assertThatThrownBy(() -> generator.generate(new ScaleGenerator.Size(1, 1, 2025, 7)))
                .hasMessageContaining("只能写入空库");
        assertThat(count(jdbc, "org_unit")).isEqualTo(groups + 1);
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static DataSource migrated(String database) {
        String url = database.equals("H2")
                ? "jdbc:h2:mem:scale" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"
                : EmbeddedPostgresInitializer.newDatabase();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                url, database.equals("H2") ? "sa" : "postgres", database.equals("H2") ? "" : "postgres");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }
}
