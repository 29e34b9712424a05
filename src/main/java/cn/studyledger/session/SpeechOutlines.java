package cn.studyledger.session;

/**
 * Which speeches must come with a written outline (发言提纲) in an organisation's year: a setting of the year's rule
 * table (发言提纲), kept by the rules module, which implements this (the rules read sessions, so sessions ask through
 * this interface rather than depending on them). By default only a 重点发言 needs one.
 */
public interface SpeechOutlines {

    /** Whether a speech of this kind needs an outline in the organisation's year. */
    boolean required(long orgId, int year, SpeechKind kind);
}
