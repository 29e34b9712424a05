package cn.studyledger.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProdDatabaseGuardTests {

    static HikariDataSource dataSource(String url) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        return ds;
    }

    @Test
    void prodRefusesAnEmbeddedDatabase() {
        var guard = new ProdDatabaseGuard(new MockEnvironment());
        assertThatThrownBy(() -> guard.postProcessAfterInitialization(dataSource("jdbc:h2:mem:x"), "dataSource"))
                .hasMessageContaining("PostgreSQL");
    }

    @Test
    void prodRefusesTheDemoProfile() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("prod", "demo");
        var guard = new ProdDatabaseGuard(env);
        assertThatThrownBy(() ->
                        guard.postProcessAfterInitialization(dataSource("jdbc:postgresql://db/ledger"), "dataSource"))
                .hasMessageContaining("demo");
    }

    @Test
    void theApplicationDoesNotStartUnderProdOnH2() {
        var app = new org.springframework.boot.builder.SpringApplicationBuilder(
                        cn.studyledger.StudyLedgerApplication.class)
                .profiles("prod")
                .properties("DB_URL=jdbc:h2:mem:prod-guard", "DB_USER=sa", "DB_PASSWORD=", "server.port=0");
        assertThatThrownBy(() -> app.run().close()).hasStackTraceContaining("prod 配置只允许 PostgreSQL");
    }

    @Test
    void prodAcceptsPostgreSql() {
        var guard = new ProdDatabaseGuard(new MockEnvironment());
        assertThatCode(() -> guard.postProcessAfterInitialization(dataSource("jdbc:postgresql://db/ledger"), "ds"))
                .doesNotThrowAnyException();
    }
}
