package cn.studyledger.plan.domain;

import cn.studyledger.plan.PlanAction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One line of a plan revision's history: who submitted, approved, returned or revised it, when, and why. */
@Entity
@Table(name = "plan_decision")
class PlanDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PlanAction action;

    @Column(name = "actor_username", nullable = false, updatable = false)
    private String actorUsername;

    @Column(name = "actor_name", nullable = false, updatable = false)
    private String actorName;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private LocalDateTime decidedAt;

    @Column(name = "comment_text", updatable = false)
    private String comment;

    protected PlanDecision() {}

    PlanDecision(PlanAction action, AnnualPlan.Actor actor, LocalDateTime decidedAt, String comment) {
        this.action = action;
        this.actorUsername = actor.username();
        this.actorName = actor.name();
        this.decidedAt = decidedAt;
        this.comment = comment;
    }

    Long id() {
        return id;
    }

    PlanAction action() {
        return action;
    }

    String actorUsername() {
        return actorUsername;
    }

    String actorName() {
        return actorName;
    }

    LocalDateTime decidedAt() {
        return decidedAt;
    }

    String comment() {
        return comment;
    }
}
