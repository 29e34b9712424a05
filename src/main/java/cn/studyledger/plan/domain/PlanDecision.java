package cn.studyledger.plan.domain;

import cn.studyledger.common.Decision;
import cn.studyledger.plan.PlanAction;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One line of a plan revision's history: who submitted, approved, returned or revised it, when, and why. */
@Entity
@Table(name = "plan_decision")
class PlanDecision extends Decision<PlanAction> {

    protected PlanDecision() {}

    PlanDecision(PlanAction action, AnnualPlan.Actor actor, LocalDateTime decidedAt, String comment) {
        super(action, actor.username(), actor.name(), decidedAt, comment);
    }
}
