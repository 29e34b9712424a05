package cn.studyledger.firsttopic.domain;

import jakarta.validation.constraints.NotNull;

/**
 * Links an item to the FIRST_TOPIC agenda item of a session that studied it.
 *
 * @param sessionId the session; optional, checked against the agenda item's session when given
 * @param agendaItemId the FIRST_TOPIC agenda item
 */
public record StudyCommand(
        Long sessionId, @NotNull(message = "请选择学习场次及第一议题") Long agendaItemId) {}
