package cn.studyledger.config;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Events between modules. A listener that must see the change on the next page runs in the publishing transaction
 * ({@code @EventListener}); the rest ({@code @ApplicationModuleListener}: after the commit, asynchronously, in a
 * transaction of its own) goes through Spring Modulith's event publication registry, which stores each delivery in
 * {@code event_publication} (Flyway V170) with the change that caused it. A delivery whose listener failed, or whose
 * instance stopped before it ran, stays incomplete: it is resubmitted every {@code ledger.events.resubmit-every}
 * (default 5 minutes) once it is older than {@code ledger.events.resubmit-after} (default 5 minutes), on one
 * instance at a time (ShedLock); completed ones are deleted after {@code ledger.events.keep-completed} (7 days).
 * Source of the defaults: issue 13 (a missed re-evaluation is caught within minutes; the nightly run is the floor).
 */
@Configuration
@EnableAsync
class EventsConfig {

    private static final Logger log = LoggerFactory.getLogger(EventsConfig.class);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final Duration resubmitAfter;
    private final Duration keepCompleted;

    EventsConfig(
            IncompleteEventPublications incomplete,
            CompletedEventPublications completed,
            @Value("${ledger.events.resubmit-after:PT5M}") Duration resubmitAfter,
            @Value("${ledger.events.keep-completed:P7D}") Duration keepCompleted) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.resubmitAfter = resubmitAfter;
        this.keepCompleted = keepCompleted;
    }

    @Scheduled(fixedDelayString = "${ledger.events.resubmit-every:PT5M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "event-resubmission")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(resubmitAfter);
        completed.deletePublicationsOlderThan(keepCompleted);
        log.debug("事件投递：已重新提交早于 {} 的未完成投递", resubmitAfter);
    }
}
