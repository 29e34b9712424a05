package cn.studyledger.session;

/**
 * One agenda item of a session as other modules see it.
 *
 * @param id agenda item id
 * @param sessionId the session
 * @param kind 议题 kind
 * @param title what was on the agenda
 */
public record AgendaSummary(long id, long sessionId, AgendaKind kind, String title) {}
