package cn.studyledger.rules.domain;

import cn.studyledger.session.MakeUpPeriod;
import org.springframework.stereotype.Component;

/**
 * The year's 请假与补学 rule as the sessions' {@link MakeUpPeriod}. Read without creating the year's rule table: a
 * table not yet made holds the defaults, so they apply. A rule switched off still gives its days, so a leave always
 * has a due date.
 */
@Component
class MakeUpPeriodRule implements MakeUpPeriod {

    private static final RuleDefinition RULE = RuleDefinition.LEAVE_MAKE_UP;

    private final RuleSettingRepository settings;

    MakeUpPeriodRule(RuleSettingRepository settings) {
        this.settings = settings;
    }

    @Override
    public int days(long orgId, int year) {
        return settings.findByOrgIdAndYearAndKey(orgId, year, RULE.key())
                .map(s -> s.param1().intValue())
                .orElseGet(() -> RULE.defaultParam(0).intValue());
    }
}
