package cn.studyledger.rules.domain;

import cn.studyledger.common.events.StudyYearChanged;
import cn.studyledger.common.security.SystemIdentity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the findings current: once a change of an organisation's year is committed (a session held, attendance or a
 * make-up recorded, a leave decided …), the year's evaluation is brought up to date, so the dashboard, the report's
 * 生成问题草稿 and the rules page never show findings of older records. Runs after the commit, on its own thread and
 * in its own transaction, through Spring Modulith's event publication registry: a failed run stays incomplete in
 * {@code event_publication} and is resubmitted ({@code config.EventResubmission}). Switched off with
 * {@code ledger.rules.reevaluate-on-change=false} (the nightly run still evaluates).
 */
@Component
@ConditionalOnProperty(name = "ledger.rules.reevaluate-on-change", havingValue = "true", matchIfMissing = true)
class RulesFollowTheRecords {

    private final EvaluationService evaluations;

    RulesFollowTheRecords(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @ApplicationModuleListener
    void on(StudyYearChanged change) {
        SystemIdentity.run(() -> evaluations.refreshAsSystem(change.orgId(), change.year()));
    }
}
