package cn.studyledger.rules.domain;

import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.SystemIdentity;
import cn.studyledger.common.time.OfficeTime;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly evaluation (02:30 Asia/Shanghai; {@code studyledger.rules.nightly-cron}, "-" switches it off) of the
 * current year of every organisation that has a central group that year.
 *
 * <p>The services check permissions ({@code @PreAuthorize}) and data scope against the current user, and at night
 * there is none. The run therefore signs in, for its own thread and only for its duration, as the read-only system
 * identity {@link LedgerUser#system()} (the one the command-line report run uses: a SUPERIOR grant over the whole
 * tree, so it sees every organisation and holds the view permissions the figures, overdue lists and rules need, but
 * no edit permission), and calls {@link EvaluationService#evaluateAsSystem}, which refuses anyone but that
 * identity. The context is cleared afterwards, so nothing leaks into the next task on the scheduler's thread. One
 * organisation's failure is logged here, at the edge of the run, and does not stop the others.
 */
@Component
class NightlyEvaluation {

    private static final Logger log = LoggerFactory.getLogger(NightlyEvaluation.class);

    private final EvaluationService evaluations;
    private final OrgApi orgs;
    private final Clock clock;

    NightlyEvaluation(EvaluationService evaluations, OrgApi orgs, Clock clock) {
        this.evaluations = evaluations;
        this.orgs = orgs;
        this.clock = clock;
    }

    /** Runs on one instance only when several share the database (ShedLock, see config.ClusterConfig). */
    @Scheduled(cron = "${studyledger.rules.nightly-cron:0 30 2 * * *}", zone = OfficeTime.ZONE_ID)
    @SchedulerLock(name = "rules-nightly", lockAtLeastFor = "PT1M")
    void nightly() {
        run(LocalDate.now(clock).getYear());
    }

    /** Evaluates the year of every organisation with a central group that year; returns their codes. */
    List<String> run(int year) {
        List<String> evaluated = new ArrayList<>();
        SystemIdentity.run(() -> {
            for (OrgRef org : orgs.readableOrgs()) {
                if (orgs.members(org.id(), year).isEmpty()) {
                    continue;
                }
                try {
                    evaluations.evaluateAsSystem(org.code(), year);
                    evaluated.add(org.code());
                } catch (RuntimeException e) {
                    log.warn("规则检查定时任务：{} {}年度检查失败", org.code(), year, e);
                }
            }
        });
        log.info("规则检查定时任务：{}年度检查了{}个组织", year, evaluated.size());
        return evaluated;
    }
}
