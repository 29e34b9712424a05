package cn.studyledger.report.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One line of a report revision's history: who created, submitted, finalised, returned or reopened it, and why. */
@Entity
@Table(name = "report_decision")
class ReportDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReportAction action;

    @Column(name = "actor_username", nullable = false, updatable = false)
    private String actorUsername;

    @Column(name = "actor_name", nullable = false, updatable = false)
    private String actorName;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private LocalDateTime decidedAt;

    @Column(name = "comment_text", updatable = false)
    private String comment;

    protected ReportDecision() {}

    ReportDecision(ReportAction action, AnnualReport.Actor actor, LocalDateTime decidedAt, String comment) {
        this.action = action;
        this.actorUsername = actor.username();
        this.actorName = actor.name();
        this.decidedAt = decidedAt;
        this.comment = comment;
    }

    ReportAction action() {
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
