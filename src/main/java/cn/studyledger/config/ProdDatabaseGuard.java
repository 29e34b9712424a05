package cn.studyledger.config;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile, refuses to start on any database but PostgreSQL and together with the demo
 * profile. It checks the data source as it is created, before Flyway can migrate anything.
 */
@Component
@Profile("prod")
class ProdDatabaseGuard implements BeanPostProcessor {

    private final Environment environment;

    ProdDatabaseGuard(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            if (environment.acceptsProfiles(Profiles.of("demo"))) {
                throw new IllegalStateException("prod 配置不能与 demo 配置同时启用");
            }
            String url = jdbcUrl(dataSource);
            if (url == null || !url.startsWith("jdbc:postgresql:")) {
                throw new IllegalStateException("prod 配置只允许 PostgreSQL 数据库，当前为：" + url);
            }
        }
        return bean;
    }

    static String jdbcUrl(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            return hikari.getJdbcUrl();
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException("无法连接数据库", e);
        }
    }
}
