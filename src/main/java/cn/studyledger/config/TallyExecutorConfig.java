package cn.studyledger.config;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * The one executor on which the roll-up's grouped statements run side by side ({@code FigureService.tally}: one task
 * per figure and chunk of organisations, e.g. 8 columns × 3 chunks for a province). A running task holds one pooled
 * connection and the request waiting for it holds none, so the number of threads bounds the connections that all
 * roll-ups together take, however many superiors open one at the same moment; the rest of the pool stays for page
 * requests. Tasks run as the user who asked (the security context is carried over) and are let finish on shutdown.
 */
@Configuration
class TallyExecutorConfig {

    static final String NAME = "tallyExecutor";

    /** What a user is told when the executor's queue is full. */
    static final String BUSY = "汇总统计的请求较多，请稍后再试";

    @Bean(name = NAME)
    ThreadPoolTaskExecutor tallyExecutor(
            @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize,
            @Value("${ledger.tally.threads:0}") int threads,
            @Value("${ledger.tally.queue-capacity:500}") int queueCapacity,
            @Value("${ledger.tally.await-termination:30s}") Duration awaitTermination) {
        int size = threads(poolSize, threads);
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(size);
        executor.setMaxPoolSize(size);
        executor.setQueueCapacity(queueCapacity);
        executor.setThreadNamePrefix("tally-");
        executor.setTaskDecorator(DelegatingSecurityContextRunnable::new);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationMillis(awaitTermination.toMillis());
        return executor;
    }

    /**
     * The threads: {@code ledger.tally.threads} if set (above 0), else a third of the connection pool, at least one
     * (10 connections → 3). A third because page requests need one connection each for tens of milliseconds and must
     * find one free while roll-ups run, and because more grouped statements at once do not finish sooner on a
     * database of a few cores (the benchmark machine has 2). Never the whole pool: that would let roll-ups starve
     * every other user again, so such a setting refuses to start.
     */
    static int threads(int poolSize, int configured) {
        int threads = configured > 0 ? configured : Math.max(1, poolSize / 3);
        if (threads >= poolSize) {
            throw new IllegalStateException("ledger.tally.threads (" + threads
                    + ") must be below spring.datasource.hikari.maximum-pool-size (" + poolSize
                    + "): page requests need connections while roll-ups run");
        }
        return threads;
    }
}
