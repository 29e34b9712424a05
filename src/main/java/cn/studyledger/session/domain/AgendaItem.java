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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

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

    /** Sets what the item says and where it stands; true when that changed anything. */
    private boolean change(int position, AgendaKind kind, String title, Long sourceId) {
        boolean changed = this.position != position
                || this.kind != kind
                || !this.title.equals(title)
                || !Objects.equals(this.sourceId, sourceId);
        this.position = position;
        this.kind = kind;
        this.title = title;
        this.sourceId = sourceId;
        return changed;
    }

    /** Whether the item says what a line says (its place aside). */
    private boolean says(AgendaKind kind, String title, Long sourceId) {
        return this.kind == kind && this.title.equals(title) && Objects.equals(this.sourceId, sourceId);
    }

    /**
     * Sets the session's agenda items to the lines, keeping their identity (other modules' links name their ids): a
     * line naming one of the items changes that item, a line without one takes an unclaimed item that says the same
     * (an API client resending the agenda), any other line is a new item; items no line claims are removed. The list
     * is changed in place, never rebuilt, so the rows keep their ids.
     *
     * @return whether the agenda changed
     */
    static boolean merge(List<AgendaItem> items, List<StudySession.AgendaLine> lines) {
        List<AgendaItem> unclaimed = new ArrayList<>(items);
        AgendaItem[] claimed = new AgendaItem[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            Long id = lines.get(i).id();
            claimed[i] = take(unclaimed, a -> id != null && id.equals(a.id));
        }
        for (int i = 0; i < lines.size(); i++) {
            StudySession.AgendaLine line = lines.get(i);
            if (claimed[i] == null) {
                claimed[i] = take(unclaimed, a -> a.says(line.kind(), line.title(), line.sourceId()));
            }
        }
        boolean changed = items.removeAll(unclaimed);
        for (int i = 0; i < lines.size(); i++) {
            StudySession.AgendaLine line = lines.get(i);
            if (claimed[i] == null) {
                items.add(new AgendaItem(i + 1, line.kind(), line.title(), line.sourceId()));
                changed = true;
            } else {
                changed |= claimed[i].change(i + 1, line.kind(), line.title(), line.sourceId());
            }
        }
        return changed;
    }

    private static AgendaItem take(List<AgendaItem> items, Predicate<AgendaItem> which) {
        for (Iterator<AgendaItem> it = items.iterator(); it.hasNext(); ) {
            AgendaItem item = it.next();
            if (which.test(item)) {
                it.remove();
                return item;
            }
        }
        return null;
    }

    Long id() {
        return id;
    }

    int position() {
        return position;
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
