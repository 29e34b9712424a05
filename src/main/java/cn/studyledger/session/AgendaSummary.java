package cn.studyledger.session;

/**
 * One agenda item of a session as other modules see it.
 *
 * @param id agenda item id
 * @param sessionId the session
 * @param kind 议题 kind
 * @param title what was on the agenda
 * @param sourceId the record the item studies, of the module that offers its kind ({@link AgendaSource}): a
 *     first-topic item, a research topic; null for an item entered as text only
 */
public record AgendaSummary(long id, long sessionId, AgendaKind kind, String title, Long sourceId) {

    /** An item entered as text only. */
    public AgendaSummary(long id, long sessionId, AgendaKind kind, String title) {
        this(id, sessionId, kind, title, null);
    }
}
