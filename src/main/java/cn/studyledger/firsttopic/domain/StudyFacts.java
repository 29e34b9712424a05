package cn.studyledger.firsttopic.domain;

import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.SessionSummary;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** What the session module says about the sessions that studied items: their dates and whether they were held. */
@Component
class StudyFacts {

    private final SessionApi sessions;

    StudyFacts(SessionApi sessions) {
        this.sessions = sessions;
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
