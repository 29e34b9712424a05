package cn.studyledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The roll-up's executor leaves most of the connection pool to page requests (a third for the statements, never the
 * whole pool), is bounded, and does not displace Boot's own task executor (streamed downloads still use it).
 */
@IntegrationTest
class TallyExecutorTests {

    @Autowired
    @Qualifier(TallyExecutorConfig.NAME)
    ThreadPoolTaskExecutor tallies;

    @Autowired
    ApplicationContext context;

    @Test
    void aThirdOfThePoolAtLeastOneAndNeverThePoolItself() {
        assertThat(TallyExecutorConfig.threads(10, 0)).isEqualTo(3);
        assertThat(TallyExecutorConfig.threads(30, 0)).isEqualTo(10);
        assertThat(TallyExecutorConfig.threads(2, 0)).isEqualTo(1);
        assertThat(TallyExecutorConfig.threads(10, 6)).isEqualTo(6);
        assertThatThrownBy(() -> TallyExecutorConfig.threads(10, 10))
                .hasMessageContaining("ledger.tally.threads")
                .hasMessageContaining("maximum-pool-size");
        assertThatThrownBy(() -> TallyExecutorConfig.threads(1, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theApplicationRunsBoundedTallyThreadsBesideBootsOwnExecutor() {
        assertThat(tallies.getCorePoolSize()).isEqualTo(3);
        assertThat(tallies.getMaxPoolSize()).isEqualTo(3);
        assertThat(tallies.getQueueCapacity()).isEqualTo(500);
        assertThat(context.getBean("applicationTaskExecutor", AsyncTaskExecutor.class))
                .isNotSameAs(tallies);
    }
}
