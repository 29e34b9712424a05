package cn.studyledger.config;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Several instances behind a load balancer share one PostgreSQL: HTTP sessions are kept there by Spring Session
 * JDBC (auto-configured; tables from V110, so {@code spring.session.jdbc.initialize-schema=never}), and every
 * {@code @Scheduled} job that carries {@code @SchedulerLock} first takes its row in {@code shedlock}, so it runs
 * on one instance only. Lock times come from the database clock, so instances whose clocks differ still agree;
 * a lock is released after 30 minutes at the latest even if its instance died holding it.
 */
@Configuration
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class ClusterConfig {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new org.springframework.jdbc.core.JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
