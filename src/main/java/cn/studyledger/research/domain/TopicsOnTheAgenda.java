package cn.studyledger.research.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.session.AgendaChanged;
import cn.studyledger.session.AgendaChoice;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AgendaSource;
import cn.studyledger.session.AgendaSummary;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Research topics on a session's agenda: the topics a 课题研讨 row of the session form may choose
 * ({@link AgendaSource}), and the discussion recorded when a saved agenda chose one.
 */
@Component
class TopicsOnTheAgenda implements AgendaSource {

    private final TopicRepository topics;
    private final AuditLog audit;

    TopicsOnTheAgenda(TopicRepository topics, AuditLog audit) {
        this.topics = topics;
        this.audit = audit;
    }

    @Override
    public AgendaKind kind() {
        return AgendaKind.RESEARCH_TOPIC;
    }

    /** The topics a 课题研讨 row of a session may choose: the organisation's of the session's year, as topics are. */
    @Override
    public List<AgendaChoice> choices(long orgId, int year) {
        return topics.findByOrgIdAndYearOrderByIdAsc(orgId, year).stream()
                .map(t -> new AgendaChoice(t.getId(), t.title()))
                .toList();
    }

    /**
     * Records the discussion of the topics a session's agenda chose, in the session's transaction, so that the
     * topic's page lists the session right after it is saved.
     */
    @EventListener
    @Transactional
    void discussedOnAgenda(AgendaChanged change) {
        Map<Long, AgendaSummary> rows = change.chosen(AgendaKind.RESEARCH_TOPIC).stream()
                .collect(Collectors.toMap(AgendaSummary::sourceId, a -> a, (first, again) -> first));
        for (ResearchTopic topic : topics.findAllById(rows.keySet())) {
            if (topic.orgId() != change.orgId()) {
                throw new BusinessRuleException("所选研讨课题不属于本单位");
            }
            long agendaItemId = rows.get(topic.getId()).id();
            if (topic.discussions().stream().noneMatch(d -> d.sessionId() == change.sessionId())) {
                topic.discussedIn(change.sessionId(), agendaItemId, change.date());
                audit.record(
                        AuditAction.UPDATE,
                        TopicService.TOPIC,
                        topic.getId(),
                        "随学习议题关联研讨：" + change.date() + "（议题#" + agendaItemId + "）");
            }
        }
        topics.flush();
    }
}
