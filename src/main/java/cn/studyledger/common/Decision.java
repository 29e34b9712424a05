package cn.studyledger.common;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDateTime;

/**
 * One line of a revisioned record's history (an annual plan, an annual report): what was done to it, by whom, when,
 * and why. Written once and never changed; each record type names its actions and its table.
 *
 * @param <A> the record type's actions
 */
@MappedSuperclass
public abstract class Decision<A extends Enum<A>> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private A action;

    @Column(name = "actor_username", nullable = false, updatable = false)
    private String actorUsername;

    @Column(name = "actor_name", nullable = false, updatable = false)
    private String actorName;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private LocalDateTime decidedAt;

    @Column(name = "comment_text", updatable = false)
    private String comment;

    protected Decision() {}

    protected Decision(A action, String actorUsername, String actorName, LocalDateTime decidedAt, String comment) {
        this.action = action;
        this.actorUsername = actorUsername;
        this.actorName = actorName;
        this.decidedAt = decidedAt;
        this.comment = comment;
    }

    public Long id() {
        return id;
    }

    public A action() {
        return action;
    }

    public String actorUsername() {
        return actorUsername;
    }

    public String actorName() {
        return actorName;
    }

    public LocalDateTime decidedAt() {
        return decidedAt;
    }

    public String comment() {
        return comment;
    }
}
