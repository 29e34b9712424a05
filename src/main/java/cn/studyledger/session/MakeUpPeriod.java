package cn.studyledger.session;

/**
 * Within how many days after a session a participant on leave must make up the study (补学期限) in an organisation's
 * year: a setting of the year's rule table (请假与补学), kept by the rules module, which implements this (the rules
 * read sessions, so sessions ask through this interface rather than depending on them). The due date a leave gets
 * from it decides whether its make-up is 按期 ({@link Participation}).
 */
public interface MakeUpPeriod {

    /** The days allowed for the organisation's year. */
    int days(long orgId, int year);
}
