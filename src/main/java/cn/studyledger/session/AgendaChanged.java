package cn.studyledger.session;

import cn.studyledger.common.events.StudyYearChanged;
import java.time.LocalDate;
import java.util.List;

/**
 * A session's agenda was set or changed (a new session's first agenda included): the modules whose records a 议题
 * studies ({@link AgendaSource}) link the items the agenda chose, in the same transaction, so the item's page shows
 * the session right after the session is saved; the rules count the FIRST_TOPIC items of held sessions, so the
 * year's findings are out of date.
 *
 * @param agenda the agenda as it now is, in order, with the ids of its items
 */
public record AgendaChanged(long sessionId, long orgId, LocalDate date, List<AgendaSummary> agenda)
        implements StudyYearChanged {

    public AgendaChanged {
        agenda = List.copyOf(agenda);
    }

    @Override
    public int year() {
        return date.getYear();
    }

    /** The agenda items of the kind that chose a record of the offering module, with the record's id. */
    public List<AgendaSummary> chosen(AgendaKind kind) {
        return agenda.stream()
                .filter(a -> a.kind() == kind && a.sourceId() != null)
                .toList();
    }
}
