package cn.studyledger.supervision;

/**
 * The working-day periods of a supervising organisation's 列席旁听 in a year: how long before the session the unit
 * submits its 学习方案 and materials, and within how long after it the observers write the 小结. A setting of the
 * year's rule table (旁听小结时限), kept by the rules module, which implements this (the rules read the visits, so
 * the visits ask through this interface rather than depending on them).
 */
public interface VisitPeriods {

    /** The periods of the supervising organisation's year. */
    Periods periods(long superiorOrgId, int year);

    /**
     * @param materialsLead working days before the session by which the materials are submitted
     * @param summaryWithin working days after the session within which the 小结 is written
     */
    record Periods(int materialsLead, int summaryWithin) {}
}
