package cn.studyledger.report.domain;

import cn.studyledger.common.Decision;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One line of a report revision's history: who created, submitted, finalised, returned or reopened it, and why. */
@Entity
@Table(name = "report_decision")
class ReportDecision extends Decision<ReportAction> {

    protected ReportDecision() {}

    ReportDecision(ReportAction action, AnnualReport.Actor actor, LocalDateTime decidedAt, String comment) {
        super(action, actor.username(), actor.name(), decidedAt, comment);
    }
}
