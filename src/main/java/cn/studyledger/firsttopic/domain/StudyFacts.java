package cn.studyledger.firsttopic.domain;

import cn.studyledger.firsttopic.FirstTopicItemSummary;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.SessionSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** What the session module says about the sessions that studied items: their dates and whether they were held. */
@Component
class StudyFacts {

    private final SessionApi sessions;
    private final ItemRepository items;

    StudyFacts(SessionApi sessions, ItemRepository items) {
        this.sessions = sessions;
        this.items = items;
    }

    /**
     * The organisation's items whose first held study fell in the year (an item studied again in a later year
     * keeps the lag of its first study and counts in that year only), by publication date, each with the date
     * of that first study: the items behind {@code firsttopic.medianLagDays}.
     */
    List<FirstTopicItemSummary> firstStudiedIn(long orgId, int year) {
        List<FirstTopicItem> candidates =
                studiedIn(orgId, heldSessions(orgId, year).keySet());
        Map<Long, SessionSummary> all = sessionsOf(candidates);
        List<FirstTopicItemSummary> found = new ArrayList<>();
        for (FirstTopicItem item : candidates) {
            LocalDate first = firstHeldStudy(item, all);
            if (first != null && first.getYear() == year) {
                found.add(new FirstTopicItemSummary(
                        item.getId(), item.orgId(), item.title(), item.source(), item.publishedOn(), first));
            }
        }
        return found;
    }

    /** The organisation's held sessions of the year, by id. */
    Map<Long, SessionSummary> heldSessions(long orgId, int year) {
        return sessions.sessions(orgId, year).stream()
                .filter(s -> s.status() == SessionStatus.HELD)
                .collect(Collectors.toMap(SessionSummary::id, Function.identity()));
    }

    /** The organisation's items studied in any of the sessions, by publication date. */
    List<FirstTopicItem> studiedIn(long orgId, Set<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return items.findStudiedIn(orgId, sessionIds).stream()
                .sorted(Comparator.comparing(FirstTopicItem::publishedOn).thenComparing(FirstTopicItem::getId))
                .toList();
    }

    /** The sessions the items were studied in, by id; a session that no longer exists is left out. */
    Map<Long, SessionSummary> sessionsOf(Collection<FirstTopicItem> items) {
        Map<Long, SessionSummary> found = new HashMap<>();
        for (FirstTopicItem item : items) {
            for (Study study : item.studies()) {
                if (!found.containsKey(study.sessionId())) {
                    sessions.find(study.sessionId()).ifPresent(s -> found.put(s.id(), s));
                }
            }
        }
        return found;
    }

    /** Date of the first held session that studied the item; null while none has. */
    static LocalDate firstHeldStudy(FirstTopicItem item, Map<Long, SessionSummary> sessions) {
        return item.studies().stream()
                .map(s -> sessions.get(s.sessionId()))
                .filter(Objects::nonNull)
                .filter(s -> s.status() == SessionStatus.HELD)
                .map(SessionSummary::date)
                .min(LocalDate::compareTo)
                .orElse(null);
    }

    /** Date of the earliest session linked to the item, held or not; null when none is. */
    static LocalDate earliestStudy(FirstTopicItem item, Map<Long, SessionSummary> sessions) {
        return item.studies().stream()
                .map(s -> sessions.get(s.sessionId()))
                .filter(Objects::nonNull)
                .map(SessionSummary::date)
                .min(LocalDate::compareTo)
                .orElse(null);
    }
}
