package cn.studyledger.firsttopic.domain;

import cn.studyledger.firsttopic.StudyTimeliness;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

/**
 * The rule "each item studied within 30 days of publication" (DESIGN.md §4) and the lag it is measured by: days
 * from the publication date to the first held session that studied the item.
 */
final class StudyLag {

    /** Days allowed between publication and the first study. */
    static final int LIMIT_DAYS = 30;

    private StudyLag() {}

    /** Days from publication to the first held study; null while no held session has studied the item. */
    static Long days(LocalDate publishedOn, LocalDate firstHeldStudy) {
        return firstHeldStudy == null ? null : ChronoUnit.DAYS.between(publishedOn, firstHeldStudy);
    }

    static StudyTimeliness timeliness(LocalDate publishedOn, LocalDate firstHeldStudy, LocalDate today) {
        if (firstHeldStudy != null) {
            return days(publishedOn, firstHeldStudy) > LIMIT_DAYS ? StudyTimeliness.LATE : StudyTimeliness.ON_TIME;
        }
        return ChronoUnit.DAYS.between(publishedOn, today) > LIMIT_DAYS
                ? StudyTimeliness.OVERDUE
                : StudyTimeliness.PENDING;
    }

    /**
     * The median of the lags in days, with one decimal (the median of an even number of lags may fall on a half
     * day; the fixed decimal also keeps it from being read as a count); null when there is no lag.
     */
    static BigDecimal median(Collection<Long> lags) {
        if (lags.isEmpty()) {
            return null;
        }
        List<Long> sorted = lags.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal middle = n % 2 == 1
                ? BigDecimal.valueOf(sorted.get(n / 2))
                : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        return middle.setScale(1, RoundingMode.HALF_UP);
    }
}
