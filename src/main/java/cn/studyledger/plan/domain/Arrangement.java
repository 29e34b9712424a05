package cn.studyledger.plan.domain;

import cn.studyledger.session.SessionFormat;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A monthly arrangement (月度安排) of an annual plan, and the sessions that carried it out. The link to sessions
 * is kept here, by session id: the plan depends on collective study, never the other way round.
 */
@Entity
@Table(name = "plan_arrangement")
class Arrangement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "plan_month", nullable = false)
    private int planMonth;

    @Column(nullable = false)
    private String topic;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SessionFormat format;

    @Column(name = "lead_person_id")
    private Long leadPersonId;

    private String materials;

    @ElementCollection
    @CollectionTable(name = "plan_arrangement_session", joinColumns = @JoinColumn(name = "arrangement_id"))
    @Column(name = "session_id", nullable = false)
    private Set<Long> sessionIds = new LinkedHashSet<>();

    protected Arrangement() {}

    Arrangement(int month, String topic, SessionFormat format, Long leadPersonId, String materials) {
        describe(month, topic, format, leadPersonId, materials);
    }

    void describe(int month, String topic, SessionFormat format, Long leadPersonId, String materials) {
        this.planMonth = month;
        this.topic = topic;
        this.format = format;
        this.leadPersonId = leadPersonId;
        this.materials = materials;
    }

    /** A copy for a new revision, with the same links to the sessions that carried it out. */
    Arrangement copy() {
        Arrangement copy = new Arrangement(planMonth, topic, format, leadPersonId, materials);
        copy.sessionIds.addAll(sessionIds);
        return copy;
    }

    void linkSessions(Collection<Long> ids) {
        sessionIds.clear();
        sessionIds.addAll(ids);
    }

    Long id() {
        return id;
    }

    int month() {
        return planMonth;
    }

    String topic() {
        return topic;
    }

    SessionFormat format() {
        return format;
    }

    Long leadPersonId() {
        return leadPersonId;
    }

    String materials() {
        return materials;
    }

    Set<Long> sessionIds() {
        return sessionIds;
    }
}
