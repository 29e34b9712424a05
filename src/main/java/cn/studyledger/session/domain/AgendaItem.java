package cn.studyledger.session.domain;

import cn.studyledger.session.AgendaKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One 议题 of a session. */
@Entity
@Table(name = "session_agenda_item")
class AgendaItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AgendaKind kind;

    @Column(nullable = false)
    private String title;

    /** The record the item studies, of the module offering its kind ({@code AgendaSource}); null for text only. */
    @Column(name = "source_id")
    private Long sourceId;

    protected AgendaItem() {}

    AgendaItem(int position, AgendaKind kind, String title, Long sourceId) {
        this.position = position;
        this.kind = kind;
        this.title = title;
        this.sourceId = sourceId;
    }

    Long id() {
        return id;
    }

    AgendaKind kind() {
        return kind;
    }

    String title() {
        return title;
    }

    Long sourceId() {
        return sourceId;
    }
}
