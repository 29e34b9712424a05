package cn.studyledger.common.events;

/**
 * An event that changes what an organisation's study year holds (a session held, a leave decided, a unit visited, a
 * recommendation adopted …): whatever is judged over that year — the rules' findings — is out of date once it is
 * committed. Modules publish their own events; a module that keeps something per year listens to this one type and
 * need not know them.
 */
public interface StudyYearChanged {

    /** The organisation whose year changed. */
    long orgId();

    /** The year that changed. */
    int year();
}
