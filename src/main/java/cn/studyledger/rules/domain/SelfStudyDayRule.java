package cn.studyledger.rules.domain;

import cn.studyledger.selfstudy.DailyHoursLimit;
import org.springframework.stereotype.Component;

/**
 * The year's 个人自学每日学时 rule as self-study's {@link DailyHoursLimit}. Read without creating the year's rule
 * table: a table not yet made holds the defaults, so they apply. A rule switched off leaves the day's 24 hours, the
 * rule's upper bound.
 */
@Component
class SelfStudyDayRule implements DailyHoursLimit {

    private static final RuleDefinition RULE = RuleDefinition.SELFSTUDY_DAILY_HOURS;

    private final RuleSettingRepository settings;

    SelfStudyDayRule(RuleSettingRepository settings) {
        this.settings = settings;
    }

    @Override
    public Limit of(long orgId, int year) {
        return settings.findByOrgIdAndYearAndKey(orgId, year, RULE.key())
                .map(s -> new Limit(
                        s.enabled() ? s.param1() : RULE.params().get(0).max(), s.source()))
                .orElseGet(() -> new Limit(RULE.defaultParam(0), RULE.defaultSource()));
    }
}
