package cn.studyledger.session;

/**
 * A record an agenda row may choose ({@link AgendaSource}).
 *
 * @param id the record's id in its module
 * @param title what the agenda row is called when it chooses the record
 */
public record AgendaChoice(long id, String title) {}
