package cn.studyledger.config;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import cn.studyledger.common.ProblemTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The roll-up's executor leaves most of the connection pool to page requests (a third for the statements, never the
 * whole pool), runs each task as the user who asked, is bounded (a full queue answers 503, try again, on the page and
 * in the API), and does not displace
 * Boot's own task executor (streamed downloads still use it).
 */
@IntegrationTest
class TallyExecutorTests {

    @Autowired
    @Qualifier(TallyExecutorConfig.NAME)
    ThreadPoolTaskExecutor tallies;

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

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

    @Test
    void aTaskRunsAsTheUserWhoAskedAndLeavesNoUserBehind() throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("superior", null, List.of()));
        try {
            assertThat(tallies.submit(() -> SecurityContextHolder.getContext()
                                    .getAuthentication()
                                    .getName())
                            .get(30, TimeUnit.SECONDS))
                    .isEqualTo("superior");
        } finally {
            SecurityContextHolder.clearContext();
        }
        for (int i = 0; i < tallies.getMaxPoolSize(); i++) {
            assertThat(tallies.submit(() -> SecurityContextHolder.getContext().getAuthentication())
                            .get(30, TimeUnit.SECONDS))
                    .isNull();
        }
    }

    @Test
    void aRollupFindingTheQueueFullIsAskedToTryAgain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Future<?>> filling = new ArrayList<>();
        try {
            for (int i = 0; i < tallies.getMaxPoolSize(); i++) {
                filling.add(tallies.submit(() -> {
                    release.await();
                    return null;
                }));
            }
            // fill the queue up to where it refuses (whatever other tests' work is still in it)
            try {
                for (int i = 0; i < tallies.getQueueCapacity(); i++) {
                    filling.add(tallies.submit(() -> {}));
                }
            } catch (org.springframework.core.task.TaskRejectedException full) {
                // full already
            }
            mvc.perform(get("/rollup").with(as(accounts, "superior")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().string(containsString(TallyExecutorConfig.BUSY)));
            mvc.perform(get("/api/v1/orgs/XJ/years/2025/dashboard/rollup")
                            .with(as(accounts, "superior"))
                            .accept(MediaType.APPLICATION_JSON))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.type").value(ProblemTypes.UNAVAILABLE.toString()))
                    .andExpect(jsonPath("$.detail").value(TallyExecutorConfig.BUSY));
        } finally {
            release.countDown();
            for (Future<?> task : filling) {
                task.get(30, TimeUnit.SECONDS);
            }
        }
        mvc.perform(get("/rollup").with(as(accounts, "superior"))).andExpect(status().isOk());
    }
}
