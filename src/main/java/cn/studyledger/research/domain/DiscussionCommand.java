package cn.studyledger.research.domain;

import jakarta.validation.constraints.NotNull;

/**
 * Links a topic to the RESEARCH_TOPIC agenda item of a session that discussed it.
 *
 * @param sessionId the session; optional, checked against the agenda item's session when given
 * @param agendaItemId the RESEARCH_TOPIC agenda item
 */
public record DiscussionCommand(
        Long sessionId,
        @NotNull(message = "请选择学习场次及其“课题研讨”议题") Long agendaItemId) {}
