package cn.studyledger.research.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * That a session discussed the topic under one of its RESEARCH_TOPIC agenda items. The session is the fact that
 * counts; the agenda item id is a hint for showing which 议题 it was, as the session module may rewrite its agenda.
 */
@Entity
@Table(name = "research_discussion")
class Discussion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private long sessionId;

    @Column(name = "agenda_item_id", nullable = false, updatable = false)
    private long agendaItemId;

    protected Discussion() {}

    Discussion(long sessionId, long agendaItemId) {
        this.sessionId = sessionId;
        this.agendaItemId = agendaItemId;
    }

    Long id() {
        return id;
    }

    long sessionId() {
        return sessionId;
    }

    long agendaItemId() {
        return agendaItemId;
    }
}
