package cn.studyledger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.Filter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * In a test that runs in a rolled-back test transaction ({@code @Transactional} on the test), every MockMvc request
 * joins that one transaction, and so one Hibernate session. Left alone, the session would outlive the request: the
 * next request would find the entities of the last one in memory (hiding a change that was never written, or a
 * version another request moved on), and changes would wait unwritten until the rollback (hiding a constraint the
 * commit would break, and invisible to the test's own SQL). So at the end of each request this writes what the
 * request changed and empties the session, as the commit and the end of the request's session do outside tests.
 * Outside a test transaction it does nothing. Lazy loading outside the services is not caught this way (the session
 * stays open); the committing tests (no test transaction, {@link HttpIntegrationTest}) still see that.
 */
@TestConfiguration(proxyBeanMethods = false)
class RequestsEndLikeCommits {

    @Bean
    MockMvcBuilderCustomizer flushAndClearAfterEachRequest(EntityManagerFactory entityManagers) {
        Filter filter = (request, response, chain) -> {
            chain.doFilter(request, response);
            if (TransactionSynchronizationManager.isActualTransactionActive()
                    && TransactionSynchronizationManager.getResource(entityManagers)
                            instanceof EntityManagerHolder holder) {
                EntityManager session = holder.getEntityManager();
                if (!holder.isRollbackOnly()) {
                    session.flush(); // a failed request's changes are dropped, not written
                }
                session.clear();
            }
        };
        return builder -> builder.addFilters(filter);
    }
}
