package cn.studyledger.session;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long a held session must last to count as half a day or a whole day of collective study (集中学习天数折算) in
 * an organisation's year: a setting of the year's rule table, kept by the rules module, which implements this (the
 * rules read sessions, so sessions ask through this interface rather than depending on them). The figure
 * {@code sessions.days} adds up each held session's share ({@link Thresholds#days}).
 */
public interface StudyDayHours {

    /** The thresholds for the organisation's year. */
    Thresholds thresholds(long orgId, int year);

    /** The thresholds of many organisations' year at once (a roll-up), by organisation id; by default one by one. */
    default Map<Long, Thresholds> thresholds(List<Long> orgIds, int year) {
        Map<Long, Thresholds> all = new LinkedHashMap<>();
        orgIds.forEach(id -> all.put(id, thresholds(id, year)));
        return all;
    }

    /**
     * The hours from which a session counts half a day and a whole day.
     *
     * @param halfDay a session of at least these hours counts half a day (3 by default)
     * @param wholeDay a session of at least these hours counts a whole day (6 by default)
     */
    record Thresholds(BigDecimal halfDay, BigDecimal wholeDay) {

        private static final BigDecimal HALF = new BigDecimal("0.5");

        /** The days a session of the hours counts for: 1, 0.5 or 0. */
        public BigDecimal days(BigDecimal hours) {
            if (hours == null) {
                return BigDecimal.ZERO;
            }
            if (hours.compareTo(wholeDay) >= 0) {
                return BigDecimal.ONE;
            }
            return hours.compareTo(halfDay) >= 0 ? HALF : BigDecimal.ZERO;
        }
    }
}
