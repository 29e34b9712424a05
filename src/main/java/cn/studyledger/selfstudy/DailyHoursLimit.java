package cn.studyledger.selfstudy;

import java.math.BigDecimal;

/**
 * The most hours of self-study one person may log for one day in an organisation's year, with the document it comes
 * from. A setting of the year's rule table, kept by the rules module, which implements this (the rules read
 * self-study, so self-study asks through this interface rather than depending on them).
 */
public interface DailyHoursLimit {

    /** The limit in force for the organisation's year. */
    Limit of(long orgId, int year);

    /**
     * One day's limit.
     *
     * @param hours the most hours a day
     * @param source the rule's source, named in the refusal
     */
    record Limit(BigDecimal hours, String source) {}
}
