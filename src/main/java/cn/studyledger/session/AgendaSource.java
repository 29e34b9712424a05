package cn.studyledger.session;

import java.util.List;

/**
 * A module whose records a session's 议题 can study (the first-topic register, the research topics) offers them to
 * the session form: an agenda row of its kind may choose one instead of typing a title. Implemented by the modules
 * above session, which the session module may not call (as {@code FigureProvider} is implemented for the figures);
 * the chosen record learns of the session through {@link AgendaChanged}.
 */
public interface AgendaSource {

    /** The agenda kind whose rows choose among this module's records. */
    AgendaKind kind();

    /** What a session of the organisation in the year may study under an agenda row of {@link #kind()}. */
    List<AgendaChoice> choices(long orgId, int year);
}
